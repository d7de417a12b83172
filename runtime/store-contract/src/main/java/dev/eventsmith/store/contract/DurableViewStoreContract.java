package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a view store that keeps rows in a database must do beyond {@link ViewStoreContract}: name
 * its tables after views, with the same limits everywhere, and say what to do about a stored row
 * its codec cannot read.
 */
public abstract class DurableViewStoreContract extends ViewStoreContract {

  /** The longest view name: its table, eventsmith_view_&lt;name&gt;, fits PostgreSQL's 63 bytes. */
  public static final int LONGEST_NAME = 47;

  private static final long PATIENCE_SECONDS = 120;

  /** Overwrites the stored JSON of {@code key}'s row in view {@code view}, as a damaged database or a changed codec would. */
  protected abstract void overwriteRow(String view, String key, String json) throws Exception;

  /**
   * Creates the tables of view {@code view} as this store's schema {@code version} of views made
   * them (1: rows only, 2: fenced checkpoint, 3: the lookup index), and nothing newer.
   */
  protected abstract void createAtSchemaVersion(String view, int version) throws Exception;

  /** Runs one SQL statement on this test's database. */
  protected abstract void execute(String sql) throws Exception;

  /** The number one SQL query on this test's database answers. */
  protected abstract long number(String sql) throws Exception;

  /** Writes {@code rows} straight into a view's table, as code from before its lookups did. */
  private void writeRows(String view, Tally... rows) throws Exception {
    TallyRows codec = new TallyRows();
    for (Tally row : rows) {
      execute("INSERT INTO eventsmith_view_" + view + " (view_key, view_row) VALUES ('" + row.counter() + "', '"
          + codec.encodeRow(row) + "')");
    }
  }

  @Test
  void a_view_written_before_lookups_existed_is_indexed_when_opened_with_them() throws Exception {
    createAtSchemaVersion("old", 2);
    writeRows("old", new Tally("a", 1, 1), new Tally("b", 2, 1), new Tally("c", 13, 2));

    ViewStore<String, Tally> view = view("old", withLookups());

    assertEquals(List.of("a", "c"), List.copyOf(view.lookup(PARITY, "odd").keySet()));
    assertEquals(List.of("c"), List.copyOf(view.lookup(PARITY, "odd", 1, 5).keySet()));
    assertEquals(2, view.count(PARITY, "odd"));
    assertEquals(List.of("a", "c"), List.copyOf(view.lookup(DIGITS, "1").keySet()));
    assertEquals(Checkpoint.START, view.checkpoint(), "the checkpoint is the old one");
  }

  @Test
  void an_index_from_before_lookups_were_recorded_is_completed_and_cleared_of_undeclared_lookups() throws Exception {
    createAtSchemaVersion("partial", 3);
    writeRows("partial", new Tally("a", 1, 1), new Tally("b", 2, 1), new Tally("c", 13, 2));
    // As code of schema 3 left it: parity declared after a and b were written, gone declared once.
    execute("INSERT INTO eventsmith_look_partial (lookup, value, view_key) VALUES ('parity', 'odd', 'c')");
    execute("INSERT INTO eventsmith_look_partial (lookup, value, view_key) VALUES ('gone', 'x', 'a')");

    ViewStore<String, Tally> view = view("partial", withLookups());

    assertEquals(List.of("a", "c"), List.copyOf(view.lookup(PARITY, "odd").keySet()));
    assertEquals(0, number("SELECT count(*) FROM eventsmith_look_partial WHERE lookup = 'gone'"));
    assertEquals(3 + 4, number("SELECT count(*) FROM eventsmith_look_partial"), "a parity and digits of each row");
  }

  @Test
  void a_lookup_no_longer_declared_leaves_no_entries_behind() throws Exception {
    view("shrunk", withLookups()).apply(Map.of("a", new Tally("a", 12, 1)), Checkpoint.START, 1);
    assertEquals(1, number("SELECT count(*) FROM eventsmith_look_shrunk WHERE lookup = 'parity'"));

    view("shrunk", declaring(List.of(DIGITS)));

    assertEquals(0, number("SELECT count(*) FROM eventsmith_look_shrunk WHERE lookup = 'parity'"));
    assertEquals(2, number("SELECT count(*) FROM eventsmith_look_shrunk WHERE lookup = 'digits'"));
  }

  @Test
  void a_row_codec_that_declares_one_lookup_twice_is_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> view("twice", declaring(List.of(PARITY, DIGITS, PARITY))));
    assertEquals("the row codec of the view twice declares the lookup parity twice; give each lookup its own name",
        e.getMessage());
  }

  @Test
  @Tag("reliability")
  void instances_that_open_a_view_at_once_while_a_runner_applies_leave_the_index_equal_to_the_rows()
      throws Exception {
    createAtSchemaVersion("raced", 2);
    List<Tally> old = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      old.add(new Tally("r" + i, i, 1));
    }
    writeRows("raced", old.toArray(Tally[]::new));

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int opener = 0; opener < 3; opener++) {
        int which = opener;
        done.add(threads.submit(() -> {
          start.await();
          for (int round = 0; round < 5; round++) {
            // One instance drops parity now and then, the others declare it: each open rebuilds or drops.
            view("raced", which == 0 && round % 2 == 0 ? declaring(List.of(DIGITS)) : withLookups());
          }
          return null;
        }));
      }
      done.add(threads.submit(() -> {
        ViewStore<String, Tally> runner = view("raced", withLookups());
        start.await();
        Checkpoint at = runner.checkpoint();
        for (int page = 1; page <= 40; page++) {
          Map<String, Tally> changed = new LinkedHashMap<>();
          // Rows r4, r5, r6, r11, ... never change: only opening indexes them.
          for (int k = page % 4; k < 200; k += 7) {
            changed.put("r" + k, new Tally("r" + k, page * 1000L + k, page));
          }
          at = runner.apply(changed, at, page);
        }
        return null;
      }));
      start.countDown();
      for (Future<?> each : done) {
        each.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    ViewStore<String, Tally> view = view("raced", withLookups());
    for (String value : List.of("odd", "even")) {
      assertEquals(scanned(view, PARITY, value), List.copyOf(view.lookup(PARITY, value).keySet()), value);
    }
    assertEquals(200, number("SELECT count(*) FROM eventsmith_look_raced WHERE lookup = 'parity'"),
        "one parity entry per row, none stale");
  }

  @Test
  void a_row_that_does_not_decode_names_the_view_and_key_and_says_what_to_do() throws Exception {
    view("tallies").apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);
    overwriteRow("tallies", "a", "{\"counter\":\"a\"}");

    EventStoreException e = assertThrows(EventStoreException.class, () -> view("tallies").find("a"));

    assertTrue(e.getMessage().startsWith("the row of key a in the view tallies ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("; fix the view's RowCodec, or rebuild the view"), e.getMessage());
  }

  @Test
  void a_name_that_cannot_name_a_table_is_refused_with_an_example() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> view("Cart Summaries; DROP"));
    assertEquals("a view's name is 1 to " + LONGEST_NAME + " lower case letters, digits or '_', starting with a "
        + "letter, since it names a table; \"Cart Summaries; DROP\" is not, use e.g. \"cart_summaries\"", e.getMessage());
  }

  @Test
  @Tag("reliability")
  void names_are_limited_alike_in_every_store_so_none_is_cut_short() {
    String longest = "v".repeat(LONGEST_NAME);
    String tooLong = "w".repeat(LONGEST_NAME + 1);
    String sameStart = longest + "x";

    ViewStore<String, Tally> view = view(longest);
    view.apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);

    assertEquals(Map.of("a", new Tally("a", 1, 1)), view(longest).all());
    assertThrows(IllegalArgumentException.class, () -> view(tooLong));
    assertThrows(IllegalArgumentException.class, () -> view(sameStart),
        "a longer name is refused, never cut to the name of another view");
  }
}
