package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view in the events' own SQLite file: rows and checkpoint in one transaction. */
class SqliteViewStoreTest {

  @TempDir
  Path directory;

  private Path file;
  private SqliteEventStore events;
  /** What the view must hold: the sums of the events recorded, computed independently. */
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void open() {
    file = directory.resolve("app.db");
    events = SqliteEventStore.open(file);
  }

  @AfterEach
  void close() {
    events.close();
  }

  private long count(String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
    return Tallies.count(events, counter, amount);
  }

  private ProjectionRunner<String, Tally> runner(SqliteViewStore<String, Tally> views) {
    return new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), views);
  }

  @Test
  void rows_and_checkpoint_survive_reopening_in_the_order_keys_appeared() {
    count("b", 1);
    count("a", 2);
    long last = count("b", 3);
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      assertEquals(3, runner(views).catchUp());
    }

    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      assertEquals(last, views.checkpoint());
      assertEquals(List.of("b", "a"), List.copyOf(views.all().keySet()));
      assertEquals(expected, views.all());
      assertEquals(Optional.of(new Tally("a", 2, 1)), views.find("a"));
      assertEquals(Optional.empty(), views.find("c"));
      assertEquals(0, runner(views).catchUp(), "nothing is applied twice after a reopen");
    }
  }

  @Test
  void a_page_that_fails_half_way_leaves_rows_and_checkpoint_as_they_were_and_a_rerun_applies_each_event_once() {
    count("a", 1);
    count("b", 1);
    long before;
    Map<String, Tally> rowsBefore;
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      runner(views).catchUp();
      before = views.checkpoint();
      rowsBefore = views.all();
    }
    count("a", 10);
    count("b", 20);
    count("c", 30);
    count("d", 40);

    // The third row of the page throws after two rows were already written in its transaction.
    try (SqliteViewStore<String, Tally> failing = SqliteViewStore.open(file, "tallies", new TallyRows(3))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner(failing).catchUp());
      assertEquals("row codec fails on row 3", e.getMessage());
    }

    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      assertEquals(before, views.checkpoint());
      assertEquals(rowsBefore, views.all(), "rows a and b of the failed page were rolled back");

      assertEquals(4, runner(views).catchUp());
      assertEquals(expected, views.all(), "every event counted exactly once");
    }
  }

  @Test
  void a_rebuilt_view_equals_the_incrementally_built_one() {
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      ProjectionRunner<String, Tally> runner = runner(views).withPageSize(3);
      for (int round = 0; round < 4; round++) {
        for (String counter : List.of("x", "y", "z")) {
          count(counter, round * 7L + counter.charAt(0));
        }
        runner.catchUp();
      }
      Map<String, Tally> incremental = views.all();
      long checkpoint = views.checkpoint();

      assertEquals(12, runner.rebuild());

      assertEquals(incremental, views.all());
      assertEquals(List.copyOf(incremental.keySet()), List.copyOf(views.all().keySet()));
      assertEquals(expected, views.all());
      assertEquals(checkpoint, views.checkpoint());
    }
  }

  @Test
  void reset_empties_the_view_and_its_checkpoint() {
    count("a", 1);
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      runner(views).catchUp();

      views.reset();

      assertEquals(0, views.checkpoint());
      assertEquals(Map.of(), views.all());
    }
  }

  @Test
  void views_in_one_file_are_independent() {
    count("a", 5);
    try (SqliteViewStore<String, Tally> first = SqliteViewStore.open(file, "first", new TallyRows());
        SqliteViewStore<String, Tally> second = SqliteViewStore.open(file, "second", new TallyRows())) {
      runner(first).catchUp();

      assertEquals(1, first.checkpoint());
      assertEquals(0, second.checkpoint());
      assertEquals(Map.of(), second.all());
    }
  }

  @Test
  void a_checkpoint_never_moves_back() {
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      views.apply(Map.of("a", new Tally("a", 1, 1)), 5);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> views.apply(Map.of("a", new Tally("a", 9, 9)), 4));

      assertEquals("a checkpoint never moves back: the view tallies is at 5, asked for 4; "
          + "is another process running this projection?", e.getMessage());
      assertEquals(Optional.of(new Tally("a", 1, 1)), views.find("a"));
    }
  }

  @Test
  void a_view_in_a_file_of_its_own_follows_the_log_live_woken_by_the_store() throws Exception {
    Path own = directory.resolve("views/tallies.db");
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(own, "tallies", new TallyRows());
        // Polling hourly: only the store's append signal can wake the projection in time.
        LiveProjection live = LiveProjection.start("tallies", runner(views), Duration.ofHours(1), events)) {
      assertTrue(live.awaitCheckpoint(0, Duration.ofSeconds(20)));
      count("a", 1);
      long last = count("a", 2);

      assertTrue(live.awaitCheckpoint(last, Duration.ofSeconds(20)));
      assertEquals(expected, views.all());
    }
  }

  @Test
  void a_row_that_does_not_decode_names_the_view_and_key_and_says_what_to_do() throws Exception {
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      views.apply(Map.of("a", new Tally("a", 1, 1)), 1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE eventsmith_view_tallies SET view_row = '{\"counter\":\"a\"}'");
    }
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      EventStoreException e = assertThrows(EventStoreException.class, () -> views.find("a"));
      assertTrue(e.getMessage().startsWith("the row of key a in the view tallies ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("; fix the view's RowCodec, or rebuild the view"), e.getMessage());
    }
  }

  @Test
  void a_name_that_cannot_name_a_table_is_refused_with_an_example() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SqliteViewStore.open(file, "Cart Summaries; DROP", new TallyRows()));
    assertEquals("a view's name is 1 to 48 lower case letters, digits or '_', starting with a letter, since it "
        + "names a table; \"Cart Summaries; DROP\" is not, use e.g. \"cart_summaries\"", e.getMessage());
  }
}
