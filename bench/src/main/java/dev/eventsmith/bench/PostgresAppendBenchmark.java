package dev.eventsmith.bench;

import dev.eventsmith.bench.axon.AxonEventLog;
import dev.eventsmith.bench.limit.EventTable;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.MetadataJson;
import dev.eventsmith.store.postgres.PostgresEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to PostgreSQL (fsync and synchronous_commit on) from 16 writers, one event per commit;
 * scores are events per second. Eventsmith's store, Axon's JDBC engine, and the limit: a plain
 * INSERT of the same row into the store's own table per commit, from 16 connections held open.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
public class PostgresAppendBenchmark {

  static final int WRITERS = 16;

  /** One server per trial, with Eventsmith's tables. */
  @State(Scope.Benchmark)
  public static class Server {
    BenchPostgres postgres;
    PostgresEventStore store;
    final AtomicLong positions = new AtomicLong();
    final String metadata = MetadataJson.write(Payloads.event().metadata());

    @Setup(Level.Trial)
    public void open() throws Exception {
      postgres = new BenchPostgres(WRITERS + 2);
      store = PostgresEventStore.open(postgres.pool());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      store.close();
      postgres.close();
    }
  }

  /** Axon's JDBC engine on the trial's server. */
  @State(Scope.Benchmark)
  public static class Axon {
    AxonEventLog log;

    @Setup(Level.Trial)
    public void open(Server server) {
      log = AxonEventLog.jdbc(server.postgres.pool());
    }

    @TearDown(Level.Trial)
    public void close() {
      log.close();
    }
  }

  /** Each writer appends to a stream of its own, expecting its version: the usual command-handler append. */
  @State(Scope.Thread)
  public static class Stream {
    final StreamId id = StreamId.of("Bench", UUID.randomUUID());
    long version;
  }

  /** Each plain writer holds a connection of its own, in autocommit mode. */
  @State(Scope.Thread)
  public static class PlainWriter {
    final String stream = StreamId.of("Bench", UUID.randomUUID()).value();
    final byte[] data = Payloads.event().data();
    Connection connection;
    PreparedStatement insert;
    long version;

    @Setup(Level.Trial)
    public void open(Server server) throws SQLException {
      connection = server.postgres.pool().getConnection();
      insert = EventTable.POSTGRES.prepareInsert(connection);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      insert.close();
      connection.close();
    }
  }

  @Benchmark
  @Threads(WRITERS)
  public Object singleEventAppend16Writers(Server server, Stream stream) {
    var result = server.store.append(stream.id, ExpectedVersion.exactly(stream.version), List.of(Payloads.event()));
    stream.version = result.nextExpectedVersion();
    return result;
  }

  /** Axon: each writer publishes one event of an aggregate of its own, the engine's transaction per publish. */
  @Benchmark
  @Threads(WRITERS)
  public Object axonAppend16Writers(Axon axon, Stream stream) {
    List<DomainEventMessage<?>> event = Payloads.axonEvents(stream.id.id(), stream.version, 1);
    axon.log.append(event);
    stream.version++;
    return event;
  }

  /** The limit: the row {@code singleEventAppend16Writers} writes, as one autocommitted INSERT. */
  @Benchmark
  @Threads(WRITERS)
  public int plainInsert16Clients(Server server, PlainWriter writer) throws SQLException {
    long position = server.positions.incrementAndGet();
    writer.version++;
    EventTable.POSTGRES.bindRow(writer.insert, position, writer.stream, writer.version, new UUID(7L, position),
        "ItemAdded", writer.data, server.metadata);
    return writer.insert.executeUpdate();
  }
}
