package dev.eventsmith.bench;

import dev.eventsmith.bench.limit.EventTable;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.MetadataJson;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to a durable (synchronous=FULL) SQLite file; scores are events per second. The limit,
 * {@code rawBatchedInsert}, writes the rows {@code batchedAppend} writes, 100 per transaction, into
 * a table the store created, over a plain connection configured like the store's writer.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
public class SqliteAppendBenchmark {

  static final int BATCH = 100;
  static final int BIG_BATCH = 1_000;

  /** One store file per trial, shared by the benchmark's threads. */
  @State(Scope.Benchmark)
  public static class Store {
    ScratchDirectory directory;
    SqliteEventStore store;

    @Setup(Level.Trial)
    public void open() throws Exception {
      directory = ScratchDirectory.create();
      store = SqliteEventStore.open(directory.resolve("events.db"));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      store.close();
      directory.close();
    }
  }

  /** A store file whose table the store created, written by plain JDBC. */
  @State(Scope.Benchmark)
  public static class RawFile {
    ScratchDirectory directory;
    Connection connection;
    PreparedStatement insert;
    final String stream = StreamId.of("Bench", UUID.randomUUID()).value();
    final List<NewEvent> batch = Payloads.events(BATCH);
    final String metadata = MetadataJson.write(batch.get(0).metadata());
    long position;

    @Setup(Level.Trial)
    public void open() throws Exception {
      directory = ScratchDirectory.create();
      Path file = directory.resolve("events.db");
      SqliteEventStore.open(file).close();
      connection = EventTable.sqliteWriter(file);
      insert = EventTable.SQLITE.prepareInsert(connection);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      insert.close();
      connection.close();
      directory.close();
    }
  }

  /** Each thread appends to a stream of its own, so the scores measure writing, not conflicts. */
  @State(Scope.Thread)
  public static class Stream {
    final StreamId id = StreamId.of("Bench", UUID.randomUUID());
  }

  /** 100 events per append, one writer: one fsync per 100 events. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object batchedAppend(Store store, Stream stream) {
    return store.store.append(stream.id, ExpectedVersion.any(), Payloads.events(BATCH));
  }

  /** The limit for {@code batchedAppend}: the same 100 rows per transaction, inserted by plain JDBC. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] rawBatchedInsert(RawFile file) throws SQLException {
    for (NewEvent event : file.batch) {
      file.position++;
      EventTable.SQLITE.bindRow(file.insert, file.position, file.stream, file.position, new UUID(7L, file.position),
          event.type(), event.data(), file.metadata);
      file.insert.addBatch();
    }
    int[] counts = file.insert.executeBatch();
    file.connection.commit();
    return counts;
  }

  /** 1,000 events per append, one writer: the bulk-import path, where the fsync hardly counts. */
  @Benchmark
  @OperationsPerInvocation(BIG_BATCH)
  public Object batchedAppend1000(Store store, Stream stream) {
    return store.store.append(stream.id, ExpectedVersion.any(), Payloads.events(BIG_BATCH));
  }

  /** One event per append, one writer: every append waits for its own fsync. */
  @Benchmark
  public Object durableSingleEventAppend(Store store, Stream stream) {
    return store.store.append(stream.id, ExpectedVersion.any(), List.of(Payloads.event()));
  }

  /** One event per append, 16 writers: group commit shares each fsync among the waiting appends. */
  @Benchmark
  @Threads(16)
  public Object durableSingleEventAppend16Writers(Store store, Stream stream) {
    return store.store.append(stream.id, ExpectedVersion.any(), List.of(Payloads.event()));
  }
}
