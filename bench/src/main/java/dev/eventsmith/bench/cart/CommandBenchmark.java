package dev.eventsmith.bench.cart;

import java.time.Duration;
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
import org.openjdk.jmh.infra.IterationParams;

/**
 * The shopping cart's AddItem on carts that already have {@code length} events, in memory, Eventsmith
 * and Axon side by side. {@code accepted}: every call handles one command on a cart prepared with
 * exactly {@code length} events (a single-shot batch over fresh carts, since an accepted command
 * makes its cart longer); the score is the time per command. {@code rejected}: the cart refuses
 * (too many items) and stays as it was, so a few carts are used in turn; the score is commands per
 * second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CommandBenchmark {

  /** Fresh carts per single-shot iteration: one command each. */
  static final int BATCH = 500;

  @Param({Contenders.EVENTSMITH, Contenders.EVENTSMITH_SNAPSHOTS, Contenders.EVENTSMITH_CACHE, Contenders.AXON,
      Contenders.AXON_CACHE, Contenders.AXON_SNAPSHOTS})
  public String contender;

  @Param({"1", "10", "100", "1000"})
  public int length;

  private PreparedCarts carts;

  @Setup(Level.Trial)
  public void open() {
    carts = new PreparedCarts(Contenders.inMemory(contender), Duration.ofSeconds(8));
  }

  @Setup(Level.Iteration)
  public void prepare(IterationParams iteration) {
    carts.prepare(iteration, length);
  }

  @TearDown(Level.Trial)
  public void close() {
    carts.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, batchSize = BATCH)
  @Measurement(iterations = 8, batchSize = BATCH)
  public Object accepted() {
    return carts.accept();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 3, time = 1)
  public Object rejected() {
    return carts.reject();
  }
}
