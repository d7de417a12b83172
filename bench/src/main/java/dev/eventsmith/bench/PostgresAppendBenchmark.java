package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.postgres.PostgresEventStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/** Appends to PostgreSQL (fsync and synchronous_commit on) from 16 writers; scores are events per second. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostgresAppendBenchmark {

  /** One server and store per trial. */
  @State(Scope.Benchmark)
  public static class Store {
    BenchPostgres postgres;
    PostgresEventStore store;

    @Setup(Level.Trial)
    public void open() throws Exception {
      postgres = new BenchPostgres(16);
      store = PostgresEventStore.open(postgres.pool());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      postgres.close();
    }
  }

  /** Each writer appends to a stream of its own, expecting its version: the usual command-handler append. */
  @State(Scope.Thread)
  public static class Stream {
    final StreamId id = StreamId.of("Bench", UUID.randomUUID());
    final List<NewEvent> one = List.of(Payloads.event());
    long version;
  }

  @Benchmark
  @Threads(16)
  public Object singleEventAppend16Writers(Store store, Stream stream) {
    var result = store.store.append(stream.id, ExpectedVersion.exactly(stream.version), stream.one);
    stream.version = result.nextExpectedVersion();
    return result;
  }
}
