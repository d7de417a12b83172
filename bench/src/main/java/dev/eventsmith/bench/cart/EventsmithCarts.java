package dev.eventsmith.bench.cart;

import com.example.cart.AddItem;
import com.example.cart.Cart;
import com.example.cart.CartCommand;
import com.example.cart.CartCreated;
import com.example.cart.CartEvent;
import com.example.cart.CreateCart;
import com.example.cart.ItemAdded;
import com.example.cart.ItemRemoved;
import com.example.cart.Money;
import com.example.cart.ShoppingCartCodec;
import com.example.cart.Sku;
import com.example.cart.TooManyItems;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Eventsmith's carts: the example's generated commands, events and codec and its hand-written
 * {@link Cart} decider, run by a {@link CommandHandler} behind a {@link CommandBus}, as the
 * example's application does. With snapshots, the handler takes one every
 * {@link CartHistory#SNAPSHOT_EVERY} events, with {@link CartStateCodec}. With a state cache, the
 * handler keeps {@link #CACHED_STREAMS} folded carts, each loaded once (by a rejected command) before
 * it is measured, as Axon's cache is warmed.
 */
public final class EventsmithCarts implements Carts {

  private static final int APPEND_PAGE = 1_000;

  /** The streams a cached handler keeps: Axon's cache holds as many entries. */
  public static final int CACHED_STREAMS = 20_000;

  private final Supplier<EventStore> stores;
  private final Supplier<SnapshotStore> snapshotStores; // null: no snapshots
  private final boolean cached;
  private final Cart decider = new Cart();
  private final Money price = new Money(CartHistory.PRICE);
  private EventStore store;
  private CommandBus bus;
  private AddItem[] accepted = new AddItem[0];
  private AddItem[] rejected = new AddItem[0];
  private String[] streams = new String[0];
  private long created;

  /**
   * @param stores gives the event store for each {@link #prepare}: a new one to start empty, or the same one
   * @param snapshotStores likewise for snapshots; null for a handler without snapshots
   */
  public EventsmithCarts(Supplier<EventStore> stores, Supplier<SnapshotStore> snapshotStores) {
    this(stores, snapshotStores, false);
  }

  /** @param cached whether the handler keeps a state cache of {@link #CACHED_STREAMS} streams */
  public EventsmithCarts(Supplier<EventStore> stores, Supplier<SnapshotStore> snapshotStores, boolean cached) {
    this.stores = stores;
    this.snapshotStores = snapshotStores;
    this.cached = cached;
  }

  @Override
  public void prepare(int count, int length) {
    store = stores.get();
    CommandHandler<Cart.State, CartCommand, CartEvent> handler =
        new CommandHandler<>(store, ShoppingCartCodec.INSTANCE, decider);
    SnapshotStore snapshots = snapshotStores == null ? null : snapshotStores.get();
    if (snapshots != null) {
      handler = handler.withSnapshots(snapshots, CartStateCodec.INSTANCE, CartHistory.SNAPSHOT_EVERY,
          CartStateCodec.VERSION);
    }
    if (cached) {
      handler = handler.withStateCache(CACHED_STREAMS);
    }
    bus = new CommandBus().register(CartCommand.class, handler);
    accepted = new AddItem[count];
    rejected = new AddItem[count];
    streams = new String[count];
    Sku newSku = new Sku(CartHistory.NEW_SKU);
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      write(id, length, snapshots);
      accepted[i] = new AddItem(id, newSku, price, CartHistory.acceptedQuantity(length));
      rejected[i] = new AddItem(id, newSku, price, CartHistory.rejectedQuantity(length));
      streams[i] = accepted[i].streamId().value();
      if (cached) {
        addTooMany(i); // loads the cart into the cache, where a rejection leaves it
      }
    }
  }

  /** The name of cart {@code cart}'s stream, for reading it without Eventsmith. */
  public String stream(int cart) {
    return streams[cart];
  }

  /** Cart {@code cart}'s events as the store holds them, in order. */
  public List<RecordedEvent> stored(int cart) {
    return store.readStream(StreamId.parse(streams[cart]), 1, Integer.MAX_VALUE);
  }

  /** Appends the cart's history as a user's earlier commands would have, and its snapshot if it has one. */
  private void write(UUID id, int length, SnapshotStore snapshots) {
    List<CartEvent> history = history(id, length);
    StreamId stream = history.get(0).streamId();
    int snapshotAt = snapshots == null ? 0 : CartHistory.snapshotVersion(length);
    if (snapshotAt > 0) {
      AppendResult head = append(stream, 0, history.subList(0, snapshotAt));
      Cart.State state = decider.initialState();
      for (CartEvent event : history.subList(0, snapshotAt)) {
        state = decider.evolve(state, event);
      }
      snapshots.save(new Snapshot(stream, snapshotAt, head.lastPosition(), CartStateCodec.VERSION,
          CartStateCodec.INSTANCE.encode(state)));
    }
    append(stream, snapshotAt, history.subList(snapshotAt, length));
  }

  private AppendResult append(StreamId stream, int version, List<CartEvent> events) {
    AppendResult last = null;
    for (int from = 0; from < events.size(); from += APPEND_PAGE) {
      List<CartEvent> page = events.subList(from, Math.min(events.size(), from + APPEND_PAGE));
      last = store.append(stream, ExpectedVersion.exactly(version + from), encode(page));
    }
    return last;
  }

  /** {@code events} as the store takes them, encoded by the example's codec, without metadata. */
  public static List<NewEvent> encode(List<CartEvent> events) {
    List<NewEvent> encoded = new ArrayList<>(events.size());
    for (CartEvent event : events) {
      EncodedEvent e = ShoppingCartCodec.INSTANCE.encode(event);
      encoded.add(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()));
    }
    return encoded;
  }

  /** The {@link CartHistory} of cart {@code id} up to {@code length} events, as the example's events. */
  public static List<CartEvent> history(UUID id, int length) {
    Money price = new Money(CartHistory.PRICE);
    List<CartEvent> events = new ArrayList<>(length);
    for (int version = 1; version <= length; version++) {
      events.add(switch (CartHistory.step(version)) {
        case CREATED -> new CartCreated(id, "ann");
        case ADDED -> new ItemAdded(id, new Sku(CartHistory.sku(version)), price, 1);
        case REMOVED -> new ItemRemoved(id, new Sku(CartHistory.sku(version)), price, 1);
      });
    }
    return events;
  }

  @Override
  public Object addItem(int cart) {
    CommandResult result = bus.dispatch(accepted[cart]);
    if (!(result instanceof CommandResult.Accepted)) {
      throw new IllegalStateException("expected AddItem accepted, got " + result);
    }
    return result;
  }

  @Override
  public Object addTooMany(int cart) {
    CommandResult result = bus.dispatch(rejected[cart]);
    if (!(result instanceof CommandResult.Rejected rejection && rejection.rejection() instanceof TooManyItems)) {
      throw new IllegalStateException("expected AddItem rejected with TooManyItems, got " + result);
    }
    return result;
  }

  @Override
  public Object createCart() {
    // Unique without the cost of a random UUID, which is not what is measured.
    CommandResult result = bus.dispatch(new CreateCart(new UUID(0x5eed_0000_0000_4000L, ++created), "ann"));
    if (!(result instanceof CommandResult.Accepted)) {
      throw new IllegalStateException("expected CreateCart accepted, got " + result);
    }
    return result;
  }

  @Override
  public void close() {
    store = null;
    bus = null;
  }
}
