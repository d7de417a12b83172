package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Reads one 100,000-event stream from start to end, in pages; scores are events per second. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ReplayBenchmark {

  static final int EVENTS = 100_000;
  static final int PAGE = 1_000;

  @Param({"sqlite", "postgres"})
  public String storeKind;

  private final StreamId stream = StreamId.of("Replay", 1);
  private Path directory;
  private BenchPostgres postgres;
  private EventStore store;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    if (storeKind.equals("sqlite")) {
      directory = Files.createTempDirectory("eventsmith-bench");
      store = SqliteEventStore.open(directory.resolve("events.db"));
    } else {
      postgres = new BenchPostgres(4);
      store = PostgresEventStore.open(postgres.pool());
    }
    for (int written = 0; written < EVENTS; written += PAGE) {
      store.append(stream, ExpectedVersion.exactly(written), Payloads.events(PAGE));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    if (postgres != null) {
      postgres.close();
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long replayStream() {
    long version = 1;
    long checksum = 0;
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version, PAGE);
      if (page.isEmpty()) {
        if (version != EVENTS + 1) {
          throw new IllegalStateException("replayed " + (version - 1) + " events, expected " + EVENTS);
        }
        return checksum;
      }
      for (RecordedEvent event : page) {
        checksum += event.data().length;
      }
      version = page.get(page.size() - 1).streamVersion() + 1;
    }
  }
}
