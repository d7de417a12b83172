package dev.eventsmith.bench.cart;

import dev.eventsmith.bench.BenchPostgres;
import dev.eventsmith.bench.ScratchDirectory;
import dev.eventsmith.bench.axon.AxonCarts;
import dev.eventsmith.bench.limit.EventTable;
import dev.eventsmith.bench.limit.JacksonDecode;
import com.example.cart.ShoppingCartCodec;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loading a 1,000-event cart with no cache and no snapshot, from each store; scores are events per
 * second (a load is 1,000 events). Eventsmith and Axon load as their command handling does: a
 * command the cart rejects, so the load is all there is (Eventsmith's handler reads, decodes and
 * folds; Axon's repository reads and event-sources the aggregate). Beside them the limits on the
 * same rows and payloads: {@code jackson} decodes the stored payloads with Jackson's streaming
 * parser alone, {@code eventsmith-codec} with the example's generated codec (records, checks); {@code limit@sqlite} and {@code limit@postgres} read the same rows with the store's
 * own query over plain JDBC, every column into its Java value, and decode the payloads the same way.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 1)
public class ColdLoadBenchmark {

  static final int LENGTH = 1_000;
  static final int CARTS = 4;
  static final int PAGE = 500;

  @Param({"eventsmith@memory", "eventsmith@sqlite", "eventsmith@postgres", "axon@memory", "axon@postgres",
      "eventsmith-codec", "jackson", "limit@sqlite", "limit@postgres"})
  public String source;

  private ScratchDirectory directory;
  private BenchPostgres postgres;
  private Carts carts;
  private EventsmithCarts written;
  private AutoCloseable store;
  private Connection raw;
  private EventTable table;
  private List<RecordedEvent> stored;
  private int next;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    switch (source) {
      case "eventsmith@memory" -> carts = new EventsmithCarts(InMemoryEventStore::new, null);
      case "eventsmith@sqlite", "limit@sqlite" -> {
        directory = ScratchDirectory.create();
        SqliteEventStore sqlite = SqliteEventStore.open(directory.resolve("events.db"));
        store = sqlite;
        carts = written = new EventsmithCarts(() -> sqlite, null);
      }
      case "eventsmith@postgres", "limit@postgres" -> {
        postgres = new BenchPostgres(4);
        PostgresEventStore events = PostgresEventStore.open(postgres.pool());
        store = events;
        carts = written = new EventsmithCarts(() -> events, null);
      }
      case "axon@memory" -> carts = AxonCarts.inMemory(AxonCarts.Variant.PLAIN);
      case "axon@postgres" -> {
        postgres = new BenchPostgres(4);
        carts = AxonCarts.jdbc(postgres.pool(), AxonCarts.Variant.PLAIN);
      }
      case "eventsmith-codec", "jackson" -> carts = written = new EventsmithCarts(InMemoryEventStore::new, null);
      default -> throw new IllegalArgumentException("no such source: " + source);
    }
    carts.prepare(CARTS, LENGTH);
    if (source.equals("eventsmith-codec") || source.equals("jackson")) {
      stored = written.stored(0);
    } else if (source.equals("limit@sqlite")) {
      raw = EventTable.sqliteReader(directory.resolve("events.db"));
      table = EventTable.SQLITE;
    } else if (source.equals("limit@postgres")) {
      raw = postgres.pool().getConnection();
      table = EventTable.POSTGRES;
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (raw != null) {
      raw.close();
    }
    carts.close();
    if (store != null) {
      store.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (directory != null) {
      directory.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(LENGTH)
  public Object load(Blackhole decoded) throws SQLException {
    int cart = next;
    next = (next + 1) % CARTS;
    if (stored != null) {
      boolean jackson = source.equals("jackson");
      for (RecordedEvent event : stored) {
        if (jackson) {
          decoded.consume(JacksonDecode.decode(event.data()));
        } else {
          decoded.consume(ShoppingCartCodec.INSTANCE.decode(event));
        }
      }
      return decoded;
    }
    if (raw != null) {
      return table.scanStream(raw, written.stream(cart), PAGE, true);
    }
    return carts.addTooMany(cart);
  }
}
