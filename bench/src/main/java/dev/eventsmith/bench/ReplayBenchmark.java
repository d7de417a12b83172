package dev.eventsmith.bench;

import dev.eventsmith.bench.limit.EventTable;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads one 100,000-event stream from start to end in pages of 1,000; scores are events per
 * second. {@code replayStream} reads it through the store as recorded events; {@code rawScan} is
 * the limit: the store's own query on the same rows over plain JDBC, every column read into its
 * Java value, nothing built from them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReplayBenchmark {

  static final int PAGE = 1_000;

  @Param({"sqlite", "postgres"})
  public String storeKind;

  /** Events in the stream. */
  @Param({"100000"})
  public int events;

  private final StreamId stream = StreamId.of("Replay", 1);
  private ScratchDirectory directory;
  private BenchPostgres postgres;
  private EventStore store;
  private Connection raw;
  private EventTable table;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    if (storeKind.equals("sqlite")) {
      directory = ScratchDirectory.create();
      store = SqliteEventStore.open(directory.resolve("events.db"));
      raw = EventTable.sqliteReader(directory.resolve("events.db"));
      table = EventTable.SQLITE;
    } else {
      postgres = new BenchPostgres(4);
      store = PostgresEventStore.open(postgres.pool());
      raw = postgres.pool().getConnection();
      table = EventTable.POSTGRES;
    }
    for (int written = 0; written < events; written += PAGE) {
      store.append(stream, ExpectedVersion.exactly(written), Payloads.events(Math.min(PAGE, events - written)));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    raw.close();
    store.close();
    if (postgres != null) {
      postgres.close();
    }
    if (directory != null) {
      directory.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public long replayStream() {
    long version = 1;
    long checksum = 0;
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version, PAGE);
      if (page.isEmpty()) {
        if (version != events + 1) {
          throw new IllegalStateException("replayed " + (version - 1) + " events, expected " + events);
        }
        return checksum;
      }
      for (RecordedEvent event : page) {
        checksum += event.data().length;
      }
      version = page.get(page.size() - 1).streamVersion() + 1;
    }
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public long rawScan() throws SQLException {
    return table.scanStream(raw, stream.value(), PAGE, false);
  }
}
