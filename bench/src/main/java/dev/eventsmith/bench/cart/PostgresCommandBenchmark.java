package dev.eventsmith.bench.cart;

import dev.eventsmith.bench.BenchPostgres;
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
 * {@link CommandBenchmark}'s cases on PostgreSQL (fsync on): Eventsmith's PostgresEventStore
 * against Axon's JdbcEventStorageEngine in the same kind of server, one per trial. An accepted
 * command commits (and waits for the WAL flush); a rejected one only reads.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PostgresCommandBenchmark {

  /** Fresh carts per single-shot iteration: fewer than in memory, each command waits for a commit. */
  static final int BATCH = 50;

  @Param({Contenders.EVENTSMITH, Contenders.EVENTSMITH_SNAPSHOTS, Contenders.EVENTSMITH_CACHE, Contenders.AXON,
      Contenders.AXON_CACHE, Contenders.AXON_SNAPSHOTS})
  public String contender;

  @Param({"1", "1000"})
  public int length;

  private BenchPostgres postgres;
  private PreparedCarts carts;

  @Setup(Level.Trial)
  public void open() throws Exception {
    postgres = new BenchPostgres(4);
    carts = new PreparedCarts(Contenders.postgres(contender, postgres.pool()), Duration.ofSeconds(5));
  }

  @Setup(Level.Iteration)
  public void prepare(IterationParams iteration) {
    carts.prepare(iteration, length);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    carts.close();
    postgres.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, batchSize = BATCH)
  @Measurement(iterations = 5, batchSize = BATCH)
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
