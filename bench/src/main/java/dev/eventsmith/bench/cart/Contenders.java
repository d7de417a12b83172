package dev.eventsmith.bench.cart;

import dev.eventsmith.bench.axon.AxonCarts;
import dev.eventsmith.runtime.snapshot.InMemorySnapshotStore;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresSnapshotStore;
import java.time.Duration;
import javax.sql.DataSource;

/** The configurations compared in the command benchmarks, by the names their {@code contender} parameter takes. */
public final class Contenders {

  public static final String EVENTSMITH = "eventsmith";
  public static final String EVENTSMITH_SNAPSHOTS = "eventsmith+snapshots";
  public static final String EVENTSMITH_CACHE = "eventsmith+cache";
  public static final String AXON = "axon";
  public static final String AXON_CACHE = "axon+cache";
  public static final String AXON_SNAPSHOTS = "axon+snapshots";

  /**
   * Set by the smoke test, which runs every benchmark once in its own JVM: the JIT warm-up shrinks
   * to a token, since nothing it measures is kept.
   */
  static final boolean SMOKE = Boolean.getBoolean("eventsmith.bench.smoke");

  private Contenders() {}

  /** {@code name}'s carts on its side's in-memory store; each {@link Carts#prepare} starts from an empty one. */
  public static Carts inMemory(String name) {
    return switch (name) {
      case EVENTSMITH -> new EventsmithCarts(InMemoryEventStore::new, null);
      case EVENTSMITH_SNAPSHOTS -> new EventsmithCarts(InMemoryEventStore::new, InMemorySnapshotStore::new);
      case EVENTSMITH_CACHE -> new EventsmithCarts(InMemoryEventStore::new, null, true);
      case AXON -> AxonCarts.inMemory(AxonCarts.Variant.PLAIN);
      case AXON_CACHE -> AxonCarts.inMemory(AxonCarts.Variant.CACHE);
      case AXON_SNAPSHOTS -> AxonCarts.inMemory(AxonCarts.Variant.SNAPSHOTS);
      default -> throw new IllegalArgumentException("no such contender: " + name);
    };
  }

  /** {@code name}'s carts in the PostgreSQL database behind {@code pool}, one store for all of them. */
  public static Carts postgres(String name, DataSource pool) {
    return switch (name) {
      case EVENTSMITH -> {
        EventStore store = PostgresEventStore.open(pool);
        yield new EventsmithCarts(() -> store, null);
      }
      case EVENTSMITH_SNAPSHOTS -> {
        EventStore store = PostgresEventStore.open(pool);
        SnapshotStore snapshots = PostgresSnapshotStore.open(pool);
        yield new EventsmithCarts(() -> store, () -> snapshots);
      }
      case EVENTSMITH_CACHE -> {
        EventStore store = PostgresEventStore.open(pool);
        yield new EventsmithCarts(() -> store, null, true);
      }
      case AXON -> AxonCarts.jdbc(pool, AxonCarts.Variant.PLAIN);
      case AXON_CACHE -> AxonCarts.jdbc(pool, AxonCarts.Variant.CACHE);
      case AXON_SNAPSHOTS -> AxonCarts.jdbc(pool, AxonCarts.Variant.SNAPSHOTS);
      default -> throw new IllegalArgumentException("no such contender: " + name);
    };
  }

  /**
   * Runs rounds of 100 accepted and 100 rejected commands on short carts for at least {@code time}
   * (and 20 rounds), so that the JIT has compiled the whole command path before the first iteration.
   * On two cores shared with other work that takes seconds, longer than a single-shot iteration lasts.
   */
  static void warmUp(Carts carts, Duration time) {
    int count = SMOKE ? 2 : 100;
    long end = System.nanoTime() + time.toNanos();
    for (int round = 0; SMOKE ? round < 1 : round < 20 || System.nanoTime() < end; round++) {
      carts.prepare(count, 2 + round % 8);
      for (int cart = 0; cart < count; cart++) {
        carts.addItem(cart);
        carts.addTooMany(cart);
      }
    }
  }
}
