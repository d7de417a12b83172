package dev.eventsmith.bench.cart;

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
 * CreateCart for carts that do not exist yet, in memory: a command that loads nothing (Eventsmith
 * reads an empty stream, Axon's constructor handler reads nothing) and appends one event. Commands
 * per second; the store starts empty each iteration.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class NewCartBenchmark {

  @Param({Contenders.EVENTSMITH, Contenders.AXON})
  public String contender;

  private Carts carts;

  @Setup(Level.Trial)
  public void open() {
    carts = Contenders.inMemory(contender);
  }

  @Setup(Level.Iteration)
  public void emptyStore() {
    carts.prepare(0, 0);
  }

  @TearDown(Level.Trial)
  public void close() {
    carts.close();
  }

  @Benchmark
  public Object created() {
    return carts.createCart();
  }
}
