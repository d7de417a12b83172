package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ViewStore} must have, projections run on it included. Subclass it,
 * implement the two factories, and JUnit runs the whole contract against your store.
 */
public abstract class ViewStoreContract {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  /** A fresh, empty event store for one test; the contract closes it after the test. */
  protected abstract EventStore newEventStore();

  /**
   * Opens the view {@code name} in this test's database, as another process would: a new store
   * object on each call for a durable store. The contract closes what it opened after the test.
   */
  protected abstract ViewStore<String, Tally> openView(String name, RowCodec<String, Tally> rows);

  protected EventStore events;
  /** Synchronized: tests may open views from several threads. */
  private final List<Object> opened = Collections.synchronizedList(new ArrayList<>());
  /** What the view must hold: the sums of the events recorded, computed independently. */
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void openEventStore() {
    events = newEventStore();
  }

  @AfterEach
  void closeStores() throws Exception {
    for (Object store : opened) {
      if (store instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
    events.close();
  }

  /** Opens the view {@code name} with the plain row codec. */
  protected ViewStore<String, Tally> view(String name) {
    return view(name, new TallyRows());
  }

  protected ViewStore<String, Tally> view(String name, RowCodec<String, Tally> rows) {
    ViewStore<String, Tally> view = openView(name, rows);
    opened.add(view);
    return view;
  }

  protected long count(String counter, long amount) {
    expect(counter, amount, 1);
    return Tallies.count(events, counter, amount);
  }

  private void expect(String counter, long amount, int times) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount * times, before.events() + times));
  }

  protected ProjectionRunner<String, Tally> runner(ViewStore<String, Tally> view) {
    return new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), view);
  }

  @Test
  void rows_and_checkpoint_are_seen_by_a_new_store_object_in_the_order_keys_appeared() {
    count("b", 1);
    count("a", 2);
    long last = count("b", 3);
    assertEquals(3, runner(view("tallies")).catchUp());

    ViewStore<String, Tally> again = view("tallies");
    assertEquals(last, again.checkpoint().position());
    assertEquals(List.of("b", "a"), List.copyOf(again.all().keySet()));
    assertEquals(expected, again.all());
    assertEquals(Optional.of(new Tally("a", 2, 1)), again.find("a"));
    assertEquals(Optional.empty(), again.find("c"));
    assertEquals(0, runner(again).catchUp(), "nothing is applied twice");
  }

  @Test
  void a_rebuilt_view_equals_the_incrementally_built_one() {
    ViewStore<String, Tally> view = view("tallies");
    ProjectionRunner<String, Tally> runner = runner(view).withPageSize(3);
    long last = 0;
    for (int round = 0; round < 4; round++) {
      for (String counter : List.of("x", "y", "z")) {
        last = count(counter, round * 7L + counter.charAt(0));
      }
      runner.catchUp();
    }
    // A store that reads gap-safely (PostgreSQL) may hold back a committed event while another
    // transaction on the database is still open; the view reaches it on a later catch-up.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (view.checkpoint().position() < last && System.nanoTime() < deadline) {
      runner.catchUp();
    }
    Map<String, Tally> incremental = view.all();
    long position = view.checkpoint().position();

    assertEquals(12, runner.rebuild());

    assertEquals(incremental, view.all());
    assertEquals(List.copyOf(incremental.keySet()), List.copyOf(view.all().keySet()));
    assertEquals(expected, view.all());
    assertEquals(position, view.checkpoint().position());
  }

  /**
   * Tallies under other keys: {@code keys} says which rows an event changes (a single-row view: one
   * constant key; several rows: the parts of a counter {@code "a,b"}, once each).
   */
  private static Projector<String, Tally> keyedBy(Function<Counted, List<String>> keys) {
    TallyProjector tally = new TallyProjector();
    return new Projector<>() {
      @Override
      public Tally initial(String key) {
        return tally.initial(key);
      }

      @Override
      public Optional<String> keyOf(Event event) {
        throw new AssertionError("runners ask for keysOf");
      }

      @Override
      public List<String> keysOf(Event event) {
        return keys.apply((Counted) event);
      }

      @Override
      public Tally project(Tally view, Event event) {
        return tally.project(view, event);
      }
    };
  }

  @Test
  void a_single_row_view_holds_one_row_that_every_event_changes() {
    count("a", 2);
    count("b", 3);
    long last = count("a", 4);
    ViewStore<String, Tally> view = view("grand");
    assertEquals(3, new ProjectionRunner<>(events, Tallies.CODEC, keyedBy(c -> List.of("all")), view).withPageSize(2).catchUp());

    ViewStore<String, Tally> again = view("grand");
    assertEquals(Map.of("all", new Tally("all", 9, 3)), again.all());
    assertEquals(last, again.checkpoint().position());
  }

  @Test
  void one_event_changes_the_row_of_each_of_its_keys_once_on_any_page_size() {
    count("a,b", 1);
    count("b,b,c", 10);
    count("b", 100);
    count("c,a", 1000);
    Map<String, Tally> rows = Map.of("a", new Tally("a", 1001, 2), "b", new Tally("b", 111, 3),
        "c", new Tally("c", 1010, 2));
    Projector<String, Tally> split = keyedBy(c -> List.copyOf(new LinkedHashSet<>(List.of(c.counter().split(",")))));
    for (int pageSize : List.of(1, 2, 4)) {
      ViewStore<String, Tally> view = view("split" + pageSize);
      new ProjectionRunner<>(events, Tallies.CODEC, split, view).withPageSize(pageSize).catchUp();
      assertEquals(rows, view("split" + pageSize).all(), "page size " + pageSize);
      assertEquals(List.of("a", "b", "c"), List.copyOf(view("split" + pageSize).all().keySet()));
    }
  }

  /** Tallies queried by the parity of their total and by the digits of it (a list-valued lookup). */
  static final Lookup<Tally> PARITY = new Lookup<>("parity", t -> List.of(t.total() % 2 == 0 ? "even" : "odd"));
  static final Lookup<Tally> DIGITS = new Lookup<>("digits",
      t -> Long.toString(t.total()).chars().mapToObj(c -> String.valueOf((char) c)).toList());

  /** The plain row codec, declaring {@link #PARITY} and {@link #DIGITS} as lookups. */
  static RowCodec<String, Tally> withLookups() {
    return declaring(List.of(PARITY, DIGITS));
  }

  /** The plain row codec, declaring {@code lookups}. */
  public static RowCodec<String, Tally> declaring(List<Lookup<Tally>> lookups) {
    TallyRows rows = new TallyRows();
    return new RowCodec<>() {
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
        return rows.encodeRow(row);
      }

      @Override
      public Tally decodeRow(String json) {
        return rows.decodeRow(json);
      }

      @Override
      public List<Lookup<Tally>> lookups() {
        return lookups;
      }
    };
  }

  /** The rows of {@code view} whose {@code lookup} values include {@code value}, found by reading every row. */
  protected static List<String> scanned(ViewStore<String, Tally> view, Lookup<Tally> lookup, String value) {
    return view.all().entrySet().stream().filter(row -> lookup.values().apply(row.getValue()).contains(value))
        .map(Map.Entry::getKey).toList();
  }

  @Test
  void a_lookup_finds_the_rows_with_a_value_and_never_one_a_later_page_changed_away_from_it() {
    count("a", 1);
    count("b", 2);
    count("c", 13);
    ViewStore<String, Tally> view = view("looked", withLookups());
    ProjectionRunner<String, Tally> runner = runner(view);
    runner.catchUp();

    assertEquals(List.of("a", "c"), List.copyOf(view.lookup(PARITY, "odd").keySet()));
    assertEquals(Map.of("b", new Tally("b", 2, 1)), view.lookup(PARITY, "even"));
    assertEquals(List.of("a", "c"), List.copyOf(view.lookup(DIGITS, "1").keySet()), "every element of a list counts");
    assertEquals(List.of("c"), List.copyOf(view.lookup(DIGITS, "3").keySet()));

    count("a", 1);
    count("c", 20);
    runner.catchUp();

    ViewStore<String, Tally> again = view("looked", withLookups());
    assertEquals(List.of("c"), List.copyOf(again.lookup(PARITY, "odd").keySet()), "a moved away from odd");
    assertEquals(List.of("a", "b"), List.copyOf(again.lookup(PARITY, "even").keySet()));
    assertEquals(List.of("c"), List.copyOf(again.lookup(DIGITS, "3").keySet()));
    assertEquals(List.of("a", "b"), List.copyOf(again.lookup(DIGITS, "2").keySet()), "a is 2, b is 2, c is 33");
    assertEquals(Map.of(), again.lookup(DIGITS, "1"), "no row keeps a digit it lost");

    again.reset();
    assertEquals(Map.of(), again.lookup(PARITY, "odd"), "a reset view finds nothing");
    runner(again).catchUp();
    assertEquals(List.of("c"), List.copyOf(again.lookup(PARITY, "odd").keySet()), "a rebuilt view finds them again");
  }

  @Test
  void a_lookup_declared_after_rows_were_written_finds_them_beside_one_declared_before() {
    count("a", 1);
    count("b", 2);
    ProjectionRunner<String, Tally> plain = runner(view("late", new TallyRows()));
    plain.catchUp();

    ViewStore<String, Tally> parity = view("late", declaring(List.of(PARITY)));
    assertEquals(List.of("a"), List.copyOf(parity.lookup(PARITY, "odd").keySet()), "rows from before the lookup");
    count("c", 3);
    runner(parity).catchUp();

    ViewStore<String, Tally> both = view("late", withLookups());
    assertEquals(List.of("a", "c"), List.copyOf(both.lookup(PARITY, "odd").keySet()));
    assertEquals(List.of("a"), List.copyOf(both.lookup(DIGITS, "1").keySet()), "a second lookup added later");
    assertEquals(List.of("c"), List.copyOf(both.lookup(DIGITS, "3").keySet()));
  }

  @Test
  void a_lookup_dropped_then_declared_again_never_answers_with_what_rows_held_meanwhile() {
    count("a", 1);
    count("b", 2);
    runner(view("dropped", withLookups())).catchUp();

    // Declared no longer: rows change while nothing indexes parity.
    ViewStore<String, Tally> digitsOnly = view("dropped", declaring(List.of(DIGITS)));
    count("a", 1);
    count("b", 1);
    runner(digitsOnly).catchUp();
    assertEquals(List.of("b"), List.copyOf(digitsOnly.lookup(PARITY, "odd").keySet()), "b is 3, a is 2");

    ViewStore<String, Tally> again = view("dropped", withLookups());
    assertEquals(List.of("b"), List.copyOf(again.lookup(PARITY, "odd").keySet()), "a left odd while undeclared");
    assertEquals(List.of("a"), List.copyOf(again.lookup(PARITY, "even").keySet()));
    assertEquals(1, again.count(PARITY, "even"));
  }

  @Test
  void a_lookup_at_a_new_version_answers_by_its_new_values() {
    count("a", 3);
    count("b", 4);
    runner(view("versioned", withLookups())).catchUp();
    Lookup<Tally> byThree = new Lookup<>("parity", t -> List.of(t.total() % 3 == 0 ? "even" : "odd"), "thirds");

    ViewStore<String, Tally> view = view("versioned", declaring(List.of(byThree, DIGITS)));

    assertEquals(List.of("a"), List.copyOf(view.lookup(byThree, "even").keySet()), "3 is a multiple of three");
    assertEquals(List.of("b"), List.copyOf(view.lookup(byThree, "odd").keySet()));
    assertEquals(scanned(view, byThree, "odd"), List.copyOf(view.lookup(byThree, "odd", 0, 10).keySet()));
    assertEquals(1, view.count(byThree, "even"));
  }

  @Test
  void a_page_of_a_lookup_is_a_slice_of_the_whole_answer_and_count_is_its_size() {
    for (int i = 0; i < 7; i++) {
      count("k" + i, 2L * i + (i == 3 ? 1 : 0));
    }
    ViewStore<String, Tally> view = view("paged", withLookups());
    runner(view).catchUp();
    List<String> even = List.copyOf(view.lookup(PARITY, "even").keySet());
    assertEquals(List.of("k0", "k1", "k2", "k4", "k5", "k6"), even);

    assertEquals(even.subList(0, 4), List.copyOf(view.lookup(PARITY, "even", 0, 4).keySet()));
    assertEquals(even.subList(4, 6), List.copyOf(view.lookup(PARITY, "even", 4, 4).keySet()));
    assertEquals(Map.of("k1", new Tally("k1", 2, 1)), view.lookup(PARITY, "even", 1, 1));
    assertEquals(Map.of(), view.lookup(PARITY, "even", 6, 4), "past the end");
    assertEquals(Map.of(), view.lookup(PARITY, "even", 0, 0));
    assertEquals(6, view.count(PARITY, "even"));
    assertEquals(1, view.count(PARITY, "odd"));
    assertEquals(0, view.count(DIGITS, "9"));
    assertThrows(IllegalArgumentException.class, () -> view.lookup(PARITY, "even", -1, 4));
    assertThrows(IllegalArgumentException.class, () -> view.lookup(PARITY, "even", 0, -1));

    Lookup<Tally> undeclared = new Lookup<>("tens", t -> List.of(Long.toString(t.total() / 10)));
    assertEquals(List.of("k5", "k6"), List.copyOf(view.lookup(undeclared, "1", 0, 2).keySet()), "10 and 12, by a scan");
    assertEquals(2, view.count(undeclared, "1"));
  }

  @Test
  void views_are_independent() {
    count("a", 5);
    ViewStore<String, Tally> first = view("first");
    ViewStore<String, Tally> second = view("second");
    runner(first).catchUp();

    assertEquals(1, first.all().size());
    assertEquals(Checkpoint.START, second.checkpoint());
    assertEquals(Map.of(), second.all());
  }

  @Test
  void apply_is_a_compare_and_set_on_the_checkpoint_and_a_refused_one_changes_nothing() {
    ViewStore<String, Tally> view = view("tallies");
    Checkpoint one = view.apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 5);
    assertEquals(new Checkpoint(5, 1), one);

    CheckpointConflictException stale = assertThrows(CheckpointConflictException.class,
        () -> view.apply(Map.of("a", new Tally("a", 9, 9)), Checkpoint.START, 6));
    assertEquals(Checkpoint.START, stale.expected());
    assertEquals(one, stale.actual());
    assertThrows(IllegalArgumentException.class, () -> view.apply(Map.of("a", new Tally("a", 9, 9)), one, 5),
        "a checkpoint only moves forward");
    Map<String, Tally> badRow = new HashMap<>();
    badRow.put("b", null);
    assertThrows(NullPointerException.class, () -> view.apply(badRow, one, 6));

    assertEquals(one, view("tallies").checkpoint());
    assertEquals(Map.of("a", new Tally("a", 1, 1)), view("tallies").all());
  }

  @Test
  @Tag("reliability")
  void reset_empties_the_view_and_fences_off_every_runner_that_read_it_before() {
    count("a", 1);
    ViewStore<String, Tally> view = view("tallies");
    runner(view).catchUp();
    Checkpoint before = view.checkpoint();

    view("tallies").reset();

    assertEquals(0, view.checkpoint().position());
    assertNotEquals(Checkpoint.START, view.checkpoint(), "the fence moved on");
    assertEquals(Map.of(), view.all());
    assertThrows(CheckpointConflictException.class,
        () -> view.apply(Map.of("z", new Tally("z", 1, 1)), before, before.position() + 1));
    assertThrows(CheckpointConflictException.class,
        () -> view.apply(Map.of("z", new Tally("z", 1, 1)), Checkpoint.START, 1),
        "not even a runner that read the view empty before it was first applied");
    assertEquals(1, runner(view).catchUp(), "the log is applied again from the start");
    assertEquals(expected, view.all());
  }

  @Test
  @Tag("reliability")
  void keys_must_be_well_formed_text_without_nul_of_at_most_255_characters() {
    ViewStore<String, Tally> view = view("tallies");
    String longest = "k".repeat(StoredText.MAX_LENGTH);
    for (String bad : List.of("\uD800", "a\uDFFF", "b\uD800x", "nul\u0000", "k".repeat(StoredText.MAX_LENGTH + 1), "")) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> view.apply(Map.of(bad, new Tally(bad, 1, 1)), Checkpoint.START, 1));
      assertTrue(refused.getMessage().startsWith("a view key "), refused.getMessage());
      assertThrows(IllegalArgumentException.class, () -> view.find(bad));
    }
    assertEquals(Checkpoint.START, view.checkpoint(), "nothing was stored");

    Map<String, Tally> good = new LinkedHashMap<>();
    good.put(longest, new Tally(longest, 1, 1));
    good.put("\uD83D\uDE00", new Tally("\uD83D\uDE00", 2, 1));
    good.put("?", new Tally("?", 3, 1));
    view.apply(good, Checkpoint.START, 1);
    assertEquals(good, view("tallies").all(), "a surrogate pair and '?' are different keys");
  }

  @Test
  @Tag("reliability")
  void a_runner_whose_page_another_runner_applied_first_applies_nothing_twice() {
    count("a", 1);
    count("b", 2);
    ViewStore<String, Tally> shared = view("tallies");
    AtomicInteger conflicts = new AtomicInteger();
    ProjectionRunner<String, Tally> other = runner(view("tallies"));
    // Right before the slow runner applies its page, the other one (another process) applies the same page.
    ViewStore<String, Tally> late = new RacedView(shared, other::catchUp, conflicts);

    assertEquals(0, runner(late).catchUp());
    count("a", 4);
    assertEquals(1, runner(late).catchUp());

    assertEquals(1, conflicts.get());
    assertEquals(expected, view("tallies").all());
  }

  @Test
  @Tag("reliability")
  void two_live_projections_of_one_view_over_20000_events_end_exactly_equal_to_the_log() throws Exception {
    int counters = 50;
    int perAppend = 100;
    long last = 0;
    // Half the log is there before they start, so both catch up over the same pages at once...
    for (int append = 0; append < 100; append++) {
      last = countMany("c" + append % counters, append % 7 + 1, perAppend);
    }
    AtomicInteger conflicts = new AtomicInteger();
    ViewStore<String, Tally> first = new RacedView(view("tallies"), () -> { }, conflicts);
    ViewStore<String, Tally> second = new RacedView(view("tallies"), () -> { }, conflicts);
    try (LiveProjection a = LiveProjection.start("a", runner(first).withPageSize(100), Duration.ofMillis(1));
        LiveProjection b = LiveProjection.start("b", runner(second).withPageSize(100), Duration.ofMillis(1))) {
      // ...and the other half arrives while they follow the log.
      for (int append = 100; append < 200; append++) {
        last = countMany("c" + append % counters, append % 7 + 1, perAppend);
      }
      assertTrue(a.awaitCheckpoint(last, PATIENCE), "a reached the end of the log");
      assertTrue(b.awaitCheckpoint(last, PATIENCE), "b reached the end of the log");
    }

    Map<String, Tally> view = view("tallies").all();
    assertEquals(expected, view, "every event counted exactly once (" + conflicts.get() + " pages were refused)");
    assertEquals(20_000, view.values().stream().mapToInt(Tally::events).sum());
    assertEquals(last, view("tallies").checkpoint().position());
  }

  private long countMany(String counter, long amount, int times) {
    expect(counter, amount, times);
    return Tallies.countMany(events, counter, amount, times);
  }

  /** A view store that runs {@code meanwhile} once, right before its first apply, and counts refused applies. */
  private static final class RacedView implements ViewStore<String, Tally> {
    private final ViewStore<String, Tally> view;
    private final AtomicInteger conflicts;
    private Runnable meanwhile;

    RacedView(ViewStore<String, Tally> view, Runnable meanwhile, AtomicInteger conflicts) {
      this.view = view;
      this.meanwhile = meanwhile;
      this.conflicts = conflicts;
    }

    @Override
    public Optional<Tally> find(String key) {
      return view.find(key);
    }

    @Override
    public Map<String, Tally> all() {
      return view.all();
    }

    @Override
    public Checkpoint checkpoint() {
      return view.checkpoint();
    }

    @Override
    public Checkpoint apply(Map<String, Tally> changedRows, Checkpoint expected, long newPosition) {
      Runnable run = meanwhile;
      meanwhile = null;
      if (run != null) {
        run.run();
      }
      try {
        return view.apply(changedRows, expected, newPosition);
      } catch (CheckpointConflictException e) {
        conflicts.incrementAndGet();
        throw e;
      }
    }

    @Override
    public void reset() {
      view.reset();
    }
  }
}
