package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL connections killed under a running projection and subscription (case 7 of the
 * reliability issue): they reconnect with backoff and end equal to the log, with no restart by hand.
 * The writer appends through a pool of its own that is left alone, so what the log holds is known.
 */
@Tag("reliability")
class PostgresConnectionLossTest {

  private static final String KILLED = "eventsmith-killed";
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final int KILLS = 25;

  private HikariDataSource killed;
  private HikariDataSource spared;
  private PostgresEventStore writer;
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void open() {
    String schema = TestPostgres.newSchema();
    spared = TestPostgres.pool(schema, "eventsmith-spared");
    killed = TestPostgres.pool(schema, KILLED);
    writer = PostgresEventStore.open(spared);
  }

  @AfterEach
  void close() {
    writer.close();
    killed.close();
    spared.close();
  }

  @Test
  void a_live_projection_survives_killed_connections_and_ends_equal_to_the_log() throws Exception {
    try (PostgresEventStore events = PostgresEventStore.open(killed)) {
      PostgresViewStore<String, Tally> view = PostgresViewStore.open(killed, "tallies", new TallyRows());
      ProjectionRunner<String, Tally> runner =
          new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), view).withPageSize(50);
      long last;
      int terminated;
      try (LiveProjection live = LiveProjection.start("tallies", runner, Duration.ofMillis(10), events)) {
        terminated = 0;
        last = 0;
        for (int round = 0; round < KILLS; round++) {
          for (int i = 0; i < 20; i++) {
            last = count("c" + (round * 20 + i) % 37, round % 5 + 1);
          }
          Thread.sleep(40);
          terminated += terminateKilledSessions();
        }

        assertTrue(live.awaitCheckpoint(last, PATIENCE), "it caught up with no restart by hand");
        assertEquals(Optional.empty(), live.failure());
        assertTrue(live.isRunning());
        assertTrue(live.failures() > 0, "the outages were seen and counted (" + terminated + " sessions killed)");
        assertTrue(live.lastFailure().isPresent());
      }
      assertEquals(expected, PostgresViewStore.open(spared, "tallies", new TallyRows()).all(),
          "every event counted exactly once across " + terminated + " killed sessions");
    }
  }

  @Test
  void a_subscription_survives_killed_connections_and_hands_over_each_event_once_in_order() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    try (PostgresEventStore events = PostgresEventStore.open(killed);
        PostgresSubscription subscription = events.subscribe(0, event -> seen.add(event.globalPosition()))) {
      long last = 0;
      for (int round = 0; round < KILLS; round++) {
        for (int i = 0; i < 10; i++) {
          last = count("s" + i, 1);
        }
        Thread.sleep(40);
        terminateKilledSessions();
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (subscription.position() < last && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertEquals(last, subscription.position());
      assertEquals(Optional.empty(), subscription.failure());
      assertTrue(subscription.failures() > 0, "the outages were seen and counted");
    }
    List<Long> log = new ArrayList<>();
    for (RecordedEvent event : writer.readAll(0, Integer.MAX_VALUE)) {
      log.add(event.globalPosition());
    }
    assertEquals(log, seen, "each event once, in order, none skipped");
  }

  private long count(String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
    return Tallies.count(writer, counter, amount);
  }

  /** What an operator, a failover or a network cut does to the store's sessions. */
  private int terminateKilledSessions() throws Exception {
    try (Connection c = spared.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
            + "FROM pg_stat_activity WHERE application_name = '" + KILLED + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
