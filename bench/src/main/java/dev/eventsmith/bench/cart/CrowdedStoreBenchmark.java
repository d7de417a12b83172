package dev.eventsmith.bench.cart;

import dev.eventsmith.bench.axon.AxonCarts;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rejected AddItem on a 10-event cart in an in-memory store that holds {@code carts} such carts:
 * how a load depends on the rest of the store. Axon's in-memory engine filters every stored event on
 * each load; Eventsmith's keeps a list per stream. Commands per second, carts taken in turn.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class CrowdedStoreBenchmark {

  static final int LENGTH = 10;

  @Param({Contenders.EVENTSMITH, Contenders.AXON})
  public String contender;

  /** Carts in the store: 10,000 carts are 100,000 events. */
  @Param({"10000"})
  public int carts;

  private Carts store;
  private int next;

  @Setup(Level.Trial)
  public void fill() {
    store = switch (contender) {
      case Contenders.EVENTSMITH -> new EventsmithCarts(InMemoryEventStore::new, null);
      case Contenders.AXON -> AxonCarts.inMemoryShared(AxonCarts.Variant.PLAIN);
      default -> throw new IllegalArgumentException("no such contender: " + contender);
    };
    store.prepare(carts, LENGTH);
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  @Benchmark
  public Object rejected() {
    int cart = next;
    next = (next + 1) % carts;
    return store.addTooMany(cart);
  }
}
