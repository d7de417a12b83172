package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresLogPartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
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
 * How long one append takes when PostgreSQL already stores 100,000 or 10,000,000 events, in a
 * plain or a partitioned events table (fsync on): the latency a command handler sees, one event to
 * its own stream with its expected version. Filling 10 million events takes minutes and about
 * 5 GB of disk; setup prints the time and the database's size.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LargeLogAppendBenchmark {

  /** Rows per filling statement: one transaction's worth of positions (2^16). */
  private static final int FILL_BATCH = 1 << 16;

  @Param({"100000", "10000000"})
  public long stored;

  @Param({"plain", "partitioned"})
  public String layout;

  private BenchPostgres postgres;
  private PostgresEventStore store;
  private final StreamId stream = StreamId.of("Bench", UUID.randomUUID());
  private long version;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    postgres = new BenchPostgres(4);
    store = PostgresEventStore.open(postgres.pool());
    long started = System.nanoTime();
    NewEvent shape = Payloads.event();
    // Rows as appends write them: position = (transaction id << 16) + index, streams of 100 events.
    try (Connection connection = postgres.pool().getConnection(); PreparedStatement fill = connection.prepareStatement(
        "INSERT INTO eventsmith_events (position, stream, version, event_id, type, schema_version, data, metadata)"
            + " SELECT (pg_current_xact_id()::text::bigint << 16) + g - 1,"
            + " 'Filled-' || pg_current_xact_id()::text || '-' || ((g - 1) / 100), (g - 1) % 100 + 1,"
            + " gen_random_uuid(), 'ItemAdded', 1, ?, '{\"user\": \"ann\"}'::jsonb FROM generate_series(1, ?) g")) {
      for (long written = 0; written < stored; written += FILL_BATCH) {
        fill.setBytes(1, shape.data());
        fill.setInt(2, (int) Math.min(FILL_BATCH, stored - written));
        fill.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("VACUUM ANALYZE eventsmith_events");
      }
    }
    long filled = System.nanoTime();
    if (layout.equals("partitioned")) {
      PostgresLogPartitions.open(postgres.pool()).partition();
      try (Connection connection = postgres.pool().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("VACUUM ANALYZE");
      }
    }
    System.out.printf("%n%,d events stored in %.0f s%s; database size %s%n", stored, (filled - started) / 1e9,
        layout.equals("partitioned") ? String.format(", partitioned in %.0f s", (System.nanoTime() - filled) / 1e9)
            : "", databaseSize());
  }

  private String databaseSize() throws Exception {
    try (Connection connection = postgres.pool().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rows.next();
      return rows.getString(1);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    postgres.close();
  }

  @Benchmark
  public AppendResult appendOneEvent() {
    AppendResult result = store.append(stream, ExpectedVersion.exactly(version), List.of(Payloads.event()));
    version = result.nextExpectedVersion();
    return result;
  }
}
