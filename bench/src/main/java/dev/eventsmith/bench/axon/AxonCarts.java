package dev.eventsmith.bench.axon;

import dev.eventsmith.bench.axon.AxonCommands.AddItem;
import dev.eventsmith.bench.axon.AxonCommands.CreateCart;
import dev.eventsmith.bench.axon.AxonEvents.CartCreated;
import dev.eventsmith.bench.axon.AxonEvents.ItemAdded;
import dev.eventsmith.bench.axon.AxonEvents.ItemRemoved;
import dev.eventsmith.bench.cart.CartHistory;
import dev.eventsmith.bench.cart.Carts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * Axon Framework's carts, in one of the configurations an Axon expert would pick for speed. On
 * the in-memory engine every cart gets an application of its own: that engine filters the whole
 * store on every load, so carts sharing one store would measure the store's size, not Axon's
 * command handling (see {@code CrowdedStoreBenchmark} for that effect). On PostgreSQL all carts
 * share one application and one JDBC engine, as in production.
 */
public final class AxonCarts implements Carts {

  /** How Axon loads a cart. */
  public enum Variant {
    /** EventSourcingRepository: every command replays the cart's events. */
    PLAIN,
    /** CachingEventSourcingRepository with a bounded Ehcache 3 heap cache, kept across rejections. */
    CACHE,
    /** EventSourcingRepository with EventCountSnapshotTriggerDefinition at {@link CartHistory#SNAPSHOT_EVERY}. */
    SNAPSHOTS
  }

  /** More than any benchmark prepares carts at once, so a cache never evicts a prepared cart. */
  static final int CACHE_ENTRIES = 20_000;

  private static final int APPEND_PAGE = 1_000;

  /** The aggregate type Axon records with each event: the aggregate class's simple name. */
  static final String AGGREGATE_TYPE = AxonCart.class.getSimpleName();

  private final Variant variant;
  private final boolean worldPerCart;
  private final boolean keepWorld;
  private final Supplier<AxonWorld> newWorld;
  private final CacheManager cacheManager; // null without a cache
  private final Cache cache;
  private final List<AxonWorld> worlds = new ArrayList<>();
  private AxonWorld creator;
  private AddItem[] accepted = new AddItem[0];
  private AddItem[] rejected = new AddItem[0];
  private long created;

  private AxonCarts(Variant variant, boolean worldPerCart, boolean keepWorld, WorldFactory worlds) {
    this.variant = variant;
    this.worldPerCart = worldPerCart;
    this.keepWorld = keepWorld;
    if (variant == Variant.CACHE) {
      cacheManager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
      cache = new EhCache3Adapter((Ehcache<?, ?>) cacheManager.createCache("carts",
          CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
              ResourcePoolsBuilder.heap(CACHE_ENTRIES))));
    } else {
      cacheManager = null;
      cache = null;
    }
    int snapshotEvery = variant == Variant.SNAPSHOTS ? CartHistory.SNAPSHOT_EVERY : 0;
    AggregateModel<AxonCart> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(AxonCart.class);
    this.newWorld = () -> worlds.create(model, cache, snapshotEvery);
  }

  private interface WorldFactory {
    AxonWorld create(AggregateModel<AxonCart> model, Cache cache, int snapshotEvery);
  }

  /** Carts on Axon's in-memory storage engine, each in an application of its own. */
  public static AxonCarts inMemory(Variant variant) {
    return new AxonCarts(variant, true, false, AxonCarts::inMemoryWorld);
  }

  /**
   * Carts on Axon's in-memory storage engine, all in one application, as in a test suite or a
   * small service that keeps its events in memory: every load filters the events of every cart.
   */
  public static AxonCarts inMemoryShared(Variant variant) {
    return new AxonCarts(variant, false, false, AxonCarts::inMemoryWorld);
  }

  private static AxonWorld inMemoryWorld(AggregateModel<AxonCart> model, Cache cache, int snapshotEvery) {
    return new AxonWorld(AxonEventLog.inMemory(), model, cache, snapshotEvery);
  }

  /**
   * Carts on Axon's JDBC storage engine in the database behind {@code pool} (PostgreSQL), all in one
   * application: JacksonSerializer for events and snapshots, the engine reading a cart's events 500
   * at a time (Eventsmith's page size), tables made by PostgresEventTableFactory.
   */
  public static AxonCarts jdbc(DataSource pool, Variant variant) {
    return new AxonCarts(variant, false, true,
        (model, cache, every) -> new AxonWorld(AxonEventLog.jdbc(pool), model, cache, every));
  }

  @Override
  public void prepare(int count, int length) {
    if (!keepWorld || creator == null) {
      closeWorlds();
      creator = newWorld.get();
    }
    accepted = new AddItem[count];
    rejected = new AddItem[count];
    for (int i = 0; i < count; i++) {
      AxonWorld world = worldPerCart ? newWorld.get() : creator;
      worlds.add(world);
      UUID id = UUID.randomUUID();
      write(world, id, length);
      accepted[i] = new AddItem(id, CartHistory.NEW_SKU, CartHistory.PRICE, CartHistory.acceptedQuantity(length));
      rejected[i] = new AddItem(id, CartHistory.NEW_SKU, CartHistory.PRICE, CartHistory.rejectedQuantity(length));
      if (cache != null) {
        addTooMany(i); // loads the cart into the cache, where a rejection leaves it
        if (!cache.containsKey(id.toString())) {
          throw new IllegalStateException("the rejected command did not leave cart " + id + " in Axon's cache");
        }
      }
    }
  }

  /** The {@link CartHistory} of cart {@code id} up to {@code length} events, as Axon's domain event messages. */
  public static List<DomainEventMessage<?>> history(UUID id, int length) {
    List<DomainEventMessage<?>> history = new ArrayList<>(length);
    for (int version = 1; version <= length; version++) {
      String sku = CartHistory.sku(version);
      Object payload = switch (CartHistory.step(version)) {
        case CREATED -> new CartCreated(id, "ann");
        case ADDED -> new ItemAdded(id, sku, CartHistory.PRICE, 1);
        case REMOVED -> new ItemRemoved(id, sku, CartHistory.PRICE, 1);
      };
      history.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id.toString(), version - 1L, payload));
    }
    return history;
  }

  private void write(AxonWorld world, UUID id, int length) {
    List<DomainEventMessage<?>> history = history(id, length);
    int snapshotAt = variant == Variant.SNAPSHOTS ? CartHistory.snapshotVersion(length) : 0;
    if (snapshotAt > 0) {
      append(world, history.subList(0, snapshotAt));
      world.snapshot(id.toString());
    }
    append(world, history.subList(snapshotAt, length));
  }

  private static void append(AxonWorld world, List<DomainEventMessage<?>> events) {
    for (int from = 0; from < events.size(); from += APPEND_PAGE) {
      world.append(events.subList(from, Math.min(events.size(), from + APPEND_PAGE)));
    }
  }

  @Override
  public Object addItem(int cart) {
    CommandResultMessage<?> result = worlds.get(cart).dispatch(accepted[cart]);
    if (result.isExceptional()) {
      throw new IllegalStateException("expected AddItem accepted", result.exceptionResult());
    }
    return result;
  }

  @Override
  public Object addTooMany(int cart) {
    CommandResultMessage<?> result = worlds.get(cart).dispatch(rejected[cart]);
    if (!result.isExceptional() || !(result.exceptionResult() instanceof CartRejected.TooManyItems)) {
      throw new IllegalStateException("expected AddItem rejected with TooManyItems, got " + result,
          result.isExceptional() ? result.exceptionResult() : null);
    }
    return result;
  }

  @Override
  public Object createCart() {
    CommandResultMessage<?> result = creator.dispatch(new CreateCart(new UUID(0x5eed_0000_0000_4000L, ++created), "ann"));
    if (result.isExceptional()) {
      throw new IllegalStateException("expected CreateCart accepted", result.exceptionResult());
    }
    return result;
  }

  private void closeWorlds() {
    for (AxonWorld world : worlds) {
      if (world != creator) {
        world.close();
      }
    }
    worlds.clear();
    if (creator != null) {
      creator.close();
      creator = null;
    }
  }

  @Override
  public void close() {
    closeWorlds();
    if (cacheManager != null) {
      cacheManager.close();
    }
  }
}
