package dev.eventsmith.bench;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.segment.LiveSegments;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentedProjection;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresSegmentedViewStore;
import dev.eventsmith.store.postgres.PostgresSegments;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Projects one view split into 8 segments over 100,000 events on PostgreSQL, shared by 1, 2 or 4
 * instances (each with its own leases and connections; here threads of one JVM, on the same
 * machine as the server). The instances keep running; each run resets the view and waits until
 * every segment has replayed the log. One operation is one event.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SegmentedProjectionBenchmark {

  static final int EVENTS = 100_000;
  static final int KEYS = 5_000;
  static final int SEGMENTS = 8;

  @Param({"1", "2", "4"})
  public int instances;

  private BenchPostgres postgres;
  private PostgresEventStore events;
  private PostgresSegmentedViewStore<String, Long> view;
  private final List<LiveSegments> running = new ArrayList<>();
  private long last;

  /** The one event: {@code amount} was added to {@code key}. */
  record Added(String key, long amount) implements Event {
    @Override
    public StreamId streamId() {
      return StreamId.of("Account", key);
    }
  }

  static final EventCodec CODEC = new EventCodec() {
    @Override
    public EncodedEvent encode(Event event) {
      Added added = (Added) event;
      return new EncodedEvent("Added", 1, JsonWriter.object().field("key").string(added.key())
          .field("amount").int64(added.amount()).toBytes());
    }

    @Override
    public Event decode(String type, int schemaVersion, byte[] data) {
      if (!type.equals("Added")) {
        throw new CodecException("unknown type " + type);
      }
      JsonValue json = JsonValue.parse(data);
      return new Added(json.get("key").string(), json.get("amount").int64());
    }

    @Override
    public Set<String> types() {
      return Set.of("Added");
    }
  };

  /** Sums the amounts per key. */
  static final class Sums implements Projector<String, Long> {
    @Override
    public Long initial(String key) {
      return 0L;
    }

    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of(((Added) event).key());
    }

    @Override
    public Long project(Long sum, Event event) {
      return sum + ((Added) event).amount();
    }
  }

  static final RowCodec<String, Long> ROWS = new RowCodec<>() {
    @Override
    public String encodeKey(String key) {
      return key;
    }

    @Override
    public String decodeKey(String text) {
      return text;
    }

    @Override
    public String encodeRow(Long row) {
      return new String(JsonWriter.object().field("sum").int64(row).toBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public Long decodeRow(String json) {
      return JsonValue.parse(json.getBytes(StandardCharsets.UTF_8)).get("sum").int64();
    }
  };

  @Setup(Level.Trial)
  public void start() throws Exception {
    postgres = new BenchPostgres(8 * instances + 4);
    events = PostgresEventStore.open(postgres.pool());
    for (int i = 0; i < EVENTS; i += 100) {
      List<NewEvent> batch = new ArrayList<>();
      for (int n = 0; n < 100; n++) {
        EncodedEvent e = CODEC.encode(new Added("k" + (i + n) % KEYS, n));
        batch.add(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()));
      }
      last = events.append(StreamId.of("Batch", i), ExpectedVersion.noStream(), batch).lastPosition();
    }
    view = PostgresSegmentedViewStore.open(postgres.pool(), "sums", ROWS);
    PostgresSegments segments = PostgresSegments.open(postgres.pool());
    List<SegmentLeases> leases = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      leases.add(segments.withOwner("instance-" + i).leases(view, SEGMENTS));
    }
    // Every instance announces itself, then they settle on their fair shares before they start.
    for (int round = 0; round < 3; round++) {
      for (SegmentLeases instance : leases) {
        instance.maintain();
      }
    }
    for (SegmentLeases instance : leases) {
      running.add(SegmentedProjection.of(events, CODEC, new Sums(), view).start(instance, Duration.ofMillis(20)));
    }
    awaitTheEnd();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    running.forEach(LiveSegments::close);
    events.close();
    postgres.close();
  }

  /** Rebuilds the view: every segment starts again at 0, and the instances replay the log into it. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void rebuildTheView() throws Exception {
    view.reset();
    awaitTheEnd();
  }

  private void awaitTheEnd() throws Exception {
    try (Connection connection = postgres.pool().getConnection(); PreparedStatement behind = connection.prepareStatement(
        "SELECT count(*) FROM eventsmith_runner_checkpoints WHERE name = 'view:sums' AND position < ?")) {
      behind.setLong(1, last);
      while (true) {
        try (ResultSet rows = behind.executeQuery()) {
          rows.next();
          if (rows.getInt(1) == 0) {
            return;
          }
        }
        for (LiveSegments live : running) {
          if (live.failure().isPresent()) {
            throw new IllegalStateException(live.failure().get());
          }
        }
        Thread.sleep(5);
      }
    }
  }
}
