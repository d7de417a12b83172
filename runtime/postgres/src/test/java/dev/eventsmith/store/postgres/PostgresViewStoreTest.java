package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.ViewStoreContract;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a PostgreSQL view does beyond the contract (PostgresViewStoreContractTest): late commits, other processes, rollback. */
class PostgresViewStoreTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private HikariDataSource pool;
  private PostgresEventStore events;
  /** What the view must hold: the sums of the events recorded, computed independently. */
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void open() {
    pool = TestPostgres.freshSchema();
    events = PostgresEventStore.open(pool);
  }

  @AfterEach
  void close() {
    events.close();
    pool.close();
  }

  private void expect(String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
  }

  private long count(String counter, long amount) {
    expect(counter, amount);
    return Tallies.count(events, counter, amount);
  }

  private ProjectionRunner<String, Tally> runner(PostgresViewStore<String, Tally> views) {
    return new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), views);
  }

  @Test
  void a_view_split_in_segments_indexes_the_rows_written_before_its_lookup_and_reads_pages_by_it() {
    PostgresViewStore<String, Tally> unsplit = PostgresViewStore.open(pool, "tallies", new TallyRows());
    Map<String, Tally> rows = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      rows.put("t" + i, new Tally("t" + i, i, 1));
    }
    unsplit.apply(rows, Checkpoint.START, 1);
    Lookup<Tally> parity = new Lookup<>("parity", t -> List.of(t.total() % 2 == 0 ? "even" : "odd"));

    PostgresSegmentedViewStore<String, Tally> split =
        PostgresSegmentedViewStore.open(pool, "tallies", ViewStoreContract.declaring(List.of(parity)));

    assertEquals(List.of("t0", "t2", "t4"), List.copyOf(split.lookup(parity, "even").keySet()));
    assertEquals(List.of("t2", "t4"), List.copyOf(split.lookup(parity, "even", 1, 5).keySet()));
    assertEquals(3, split.count(parity, "even"));
    assertEquals(2, split.count(parity, "odd"));
  }

  @Test
  void a_live_view_waits_for_an_earlier_position_committed_late_and_applies_every_event_once() throws Exception {
    PostgresViewStore<String, Tally> views = PostgresViewStore.open(pool, "tallies", new TallyRows());
    count("a", 1);
    try (LiveProjection live = LiveProjection.start("tallies", runner(views), Duration.ofMillis(20), events)) {
      assertTrue(live.awaitCheckpoint(1, PATIENCE));

      long lastFast = 0;
      try (Connection slow = pool.getConnection()) {
        slow.setAutoCommit(false);
        EncodedEvent e = Tallies.CODEC.encode(new Counted("slow", 100));
        AppendResult held = events.appendIn(slow, StreamId.of("Counter", "slow"), ExpectedVersion.any(),
            List.of(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of())));
        expect("slow", 100);
        for (int i = 0; i < 5; i++) {
          lastFast = count("fast", i);
        }
        assertTrue(lastFast > held.lastPosition(), "the scenario needs the slow append to hold the earlier position");

        assertFalse(live.awaitCheckpoint(lastFast, Duration.ofMillis(500)), "the view cannot pass the open transaction");
        assertEquals(Optional.empty(), views.find("fast"), "nothing above the open transaction is applied yet");
        slow.commit();
      }

      assertTrue(live.awaitCheckpoint(lastFast, PATIENCE));
      assertEquals(expected, views.all(), "the late event applied, and nothing twice");
    }
  }

  @Test
  void appends_by_another_process_wake_a_live_view_through_listen_notify() throws Exception {
    PostgresViewStore<String, Tally> views = PostgresViewStore.open(pool, "tallies", new TallyRows());
    // Polling hourly: only a notification can wake the projection in time.
    try (LiveProjection live = LiveProjection.start("tallies", runner(views), Duration.ofHours(1), events);
        PostgresEventStore otherProcess = PostgresEventStore.open(pool)) {
      assertTrue(live.awaitCheckpoint(0, PATIENCE));
      expect("a", 5);
      long position = Tallies.count(otherProcess, "a", 5);

      assertTrue(live.awaitCheckpoint(position, PATIENCE));
      assertEquals(expected, views.all());
    }
  }

  @Test
  void a_page_the_database_refuses_half_way_leaves_checkpoint_and_rows_as_they_were() {
    PostgresViewStore<String, Tally> view = PostgresViewStore.open(pool, "tallies", new TallyRows());
    Checkpoint at = view.apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);
    TallyRows rows = new TallyRows();
    // The checkpoint moves first in the transaction; the second row is not JSON, so PostgreSQL fails the insert.
    RowCodec<String, Tally> halfBroken = new RowCodec<>() {
      @Override
      public String encodeKey(String key) {
        return rows.encodeKey(key);
      }

      @Override
      public String decodeKey(String text) {
        return rows.decodeKey(text);
      }

      @Override
      public String encodeRow(Tally row) {
        return row.counter().equals("b") ? "{not json" : rows.encodeRow(row);
      }

      @Override
      public Tally decodeRow(String json) {
        return rows.decodeRow(json);
      }
    };
    Map<String, Tally> page = new LinkedHashMap<>();
    page.put("a", new Tally("a", 2, 2));
    page.put("b", new Tally("b", 1, 1));

    assertThrows(EventStoreException.class,
        () -> PostgresViewStore.open(pool, "tallies", halfBroken).apply(page, at, 2));

    assertEquals(at, view.checkpoint(), "the checkpoint's move was rolled back with the rows");
    assertEquals(Map.of("a", new Tally("a", 1, 1)), view.all());
    view.apply(Map.of("a", new Tally("a", 2, 2)), at, 2);
  }
}
