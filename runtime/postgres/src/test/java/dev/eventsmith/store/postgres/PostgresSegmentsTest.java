package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.segment.KeyHash;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.LiveSegments;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentRunner;
import dev.eventsmith.runtime.segment.SegmentStatus;
import dev.eventsmith.runtime.segment.SegmentedProcess;
import dev.eventsmith.runtime.segment.SegmentedProjection;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Segments of one runner shared by instances (here: lease holders in one JVM): shares, fences, split, merge, status. */
class PostgresSegmentsTest {

  private static final String VIEW = "view:tallies";

  private HikariDataSource pool;
  private PostgresEventStore events;
  private PostgresSegments segments;
  private PostgresSegmentedViewStore<String, Tally> view;
  /** What the view must hold: the sums of the events recorded, computed independently. */
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void open() {
    pool = TestPostgres.freshSchema();
    events = PostgresEventStore.open(pool);
    segments = PostgresSegments.open(pool);
    view = PostgresSegmentedViewStore.open(pool, "tallies", new TallyRows());
  }

  @AfterEach
  void close() {
    events.close();
    pool.close();
  }

  private long count(String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
    return Tallies.count(events, counter, amount);
  }

  private long countSome(int events, int counters, int seed) {
    long last = 0;
    for (int i = 0; i < events; i++) {
      last = count("c" + (i * 7 + seed) % counters, i % 5 + 1);
    }
    return last;
  }

  private SegmentRunner<Map<String, Tally>> runner(SegmentedViewStore<String, Tally> store) {
    return SegmentedProjection.of(events, Tallies.CODEC, new TallyProjector(), store).runner().withPageSize(7);
  }

  private SegmentLeases leases(String owner, int count) {
    return segments.withOwner(owner).leases(view, count);
  }

  @Test
  void instances_share_the_segments_fairly_and_take_over_those_handed_back() {
    SegmentLeases a = leases("a", 8);
    SegmentLeases b = leases("b", 8);
    SegmentLeases c = leases("c", 8);

    assertEquals(8, a.maintain().size(), "alone, a takes every segment");
    assertEquals(0, b.maintain().size(), "b takes none while a holds them");
    assertEquals(4, a.maintain().size(), "a hands back what is over its share");
    assertEquals(4, b.maintain().size());
    assertEquals(0, c.maintain().size());
    List<Lease> heldByA = a.maintain();
    List<Lease> heldByB = b.maintain();
    List<Lease> heldByC = c.maintain();
    assertEquals(List.of(3, 3, 2), List.of(heldByA.size(), heldByB.size(), heldByC.size()));
    assertWholeAndDisjoint(8, heldByA, heldByB, heldByC);

    a.release();
    heldByB = b.maintain();
    heldByC = c.maintain();
    assertEquals(List.of(4, 4), List.of(heldByB.size(), heldByC.size()), "a's segments were taken at once");
    assertWholeAndDisjoint(8, heldByB, heldByC);
    assertEquals(Segment.evenly(8), segments.layout(VIEW));
  }

  @SafeVarargs
  private static void assertWholeAndDisjoint(int count, List<Lease>... held) {
    Set<Segment> all = new HashSet<>();
    Set<Long> tokens = new HashSet<>();
    for (List<Lease> leases : held) {
      for (Lease lease : leases) {
        assertTrue(all.add(lease.segment()), () -> lease + " is held twice");
        assertTrue(tokens.add(lease.token()), () -> "token " + lease.token() + " is given twice");
      }
    }
    assertEquals(Set.copyOf(Segment.evenly(count)), all);
  }

  @Test
  void a_page_worked_under_a_lease_that_passed_to_another_instance_is_not_written() {
    countSome(40, 6, 0);
    PostgresSegments shortLeases = segments.withLease(Duration.ofMillis(200));
    SegmentLeases a = shortLeases.withOwner("a").leases(view, 2);
    SegmentLeases b = shortLeases.withOwner("b").leases(view, 2);
    List<Lease> heldByA = a.maintain();
    List<Lease> heldByB = new ArrayList<>();
    // Right before a commits its first page, a's leases run out (a paused) and b takes the segments and applies the log.
    RacedView late = new RacedView(view, () -> {
      sleep(400);
      heldByB.addAll(b.maintain());
      assertEquals(2, heldByB.size());
      assertEquals(heldByB, runner(view).catchUp(heldByB));
    });

    assertEquals(List.of(), runner(late).catchUp(heldByA), "a lost both segments");

    assertEquals(2, late.refused, "the page was refused for one segment, then for the other");
    assertEquals(expected, view.all(), "every event counted once: nothing of a's page was written");
    for (int i = 0; i < 2; i++) {
      assertTrue(heldByB.get(i).token() > heldByA.get(i).token(), "every claim has a greater token");
    }
  }

  @Test
  void a_page_that_takes_longer_than_a_lease_keeps_its_lease() throws Exception {
    long last = countSome(30, 3, 0);
    PostgresSegments shortLeases = segments.withLease(Duration.ofMillis(300));
    Projector<String, Tally> slow = talliesAfter(event -> sleep(30));
    SegmentLeases b = shortLeases.withOwner("b").leases(view, 1);
    // One page of 30 events at 30 ms each: three times the lease.
    try (LiveSegments a = SegmentedProjection.of(events, Tallies.CODEC, slow, view).withPageSize(100)
        .start(shortLeases.withOwner("a").leases(view, 1), Duration.ofMillis(10))) {
      while (a.held().isEmpty()) {
        Thread.sleep(5);
      }
      List<Lease> heldByA = a.held();
      while (a.positions().getOrDefault(Segment.WHOLE, 0L) < last) {
        assertEquals(List.of(), b.maintain(), "b found a's lease expired while a worked its page");
        Thread.sleep(50);
      }
      assertEquals(heldByA, a.held(), "a kept its lease, with its token, through the page");
    }
    assertEquals(expected, view.all());
  }

  @Test
  void splitting_and_merging_segments_while_they_run_applies_every_event_once() throws Exception {
    SegmentLeases a = leases("a", 2);
    SegmentRunner<Map<String, Tally>> runner = runner(view);
    countSome(60, 13, 1);
    runner.catchUp(a.maintain());

    assertEquals(List.of(new Segment(0, 4), new Segment(2, 4)), segments.split(VIEW, new Segment(0, 2)));
    countSome(60, 13, 2);
    List<Lease> held = a.maintain();
    assertEquals(List.of(new Segment(0, 4), new Segment(1, 2), new Segment(2, 4)),
        held.stream().map(Lease::segment).toList(), "a took both halves again");
    long halfAhead = catchUpOnly(runner, held, new Segment(2, 4));
    countSome(40, 13, 3);

    assertEquals(new Segment(0, 2), segments.merge(VIEW, new Segment(2, 4)));
    assertEquals(List.of(new Segment(0, 2), new Segment(1, 2)), segments.layout(VIEW));
    assertEquals(Optional.of(halfAhead), ahead(0), "the merged segment remembers how far 2 of 4 had got");
    assertThrows(IllegalStateException.class, () -> segments.merge(VIEW, new Segment(1, 2)),
        "a segment still replaying a merge is not merged again");
    runner.catchUp(a.maintain());
    assertEquals(expected, view.all(), "2 of 4's keys skipped what they had, 0 of 4's did not");
    assertEquals(Optional.empty(), ahead(0), "forgotten once passed");

    // Split a merged segment before it catches up: each half starts where its keys had got.
    segments.split(VIEW, new Segment(0, 2));
    countSome(40, 13, 4);
    halfAhead = catchUpOnly(runner, a.maintain(), new Segment(2, 4));
    countSome(20, 13, 5);
    segments.merge(VIEW, new Segment(0, 4));
    segments.split(VIEW, new Segment(0, 2));
    assertEquals(halfAhead, checkpoint(2));
    assertTrue(checkpoint(0) < halfAhead);
    runner.catchUp(a.maintain());
    assertEquals(expected, view.all());

    segments.merge(VIEW, new Segment(0, 4));
    segments.merge(VIEW, new Segment(1, 2));
    assertEquals(List.of(Segment.WHOLE), segments.layout(VIEW));
    countSome(30, 13, 6);
    runner.catchUp(a.maintain());
    assertEquals(expected, view.all(), "every event counted exactly once through three splits and four merges");
  }

  /** Catches up only {@code segment} of {@code held}; answers its checkpoint. */
  private long catchUpOnly(SegmentRunner<Map<String, Tally>> runner, List<Lease> held, Segment segment)
      throws Exception {
    runner.catchUp(held.stream().filter(l -> l.segment().equals(segment)).toList());
    return checkpoint(segment.index());
  }

  @Test
  void a_process_split_and_merged_while_it_runs_folds_its_instances_exactly_and_issues_each_command_once() {
    String process = "process:relay";
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
    SegmentRunner<?> runner = SegmentedProcess.of("relay", events, Tallies.CODEC, new SegmentedChild.Relay(), bus,
        PostgresSegmentedCheckpoints.openProcess(pool, "relay"), PostgresDeadlineStore.open(pool)).withPageSize(7)
        .runner();
    SegmentLeases leases = segments.withOwner("a").leases(process, 2);
    int relays = 12;
    Runnable round = () -> {
      for (int i = 0; i < relays; i++) {
        Tallies.count(events, "in-" + i, 1);
      }
    };

    round.run();
    runner.catchUp(leases.maintain());
    segments.split(process, new Segment(0, 2));
    round.run();
    // Only 0 of 4 catches up, so that it is ahead of 2 of 4 when they merge.
    runner.catchUp(leases.maintain().stream().filter(l -> l.segment().equals(new Segment(0, 4))).toList());
    segments.merge(process, new Segment(2, 4));
    round.run();
    runner.catchUp(leases.maintain());
    segments.split(process, new Segment(1, 2));
    round.run();
    runner.catchUp(leases.maintain());
    runner.catchUp(leases.maintain());

    for (int i = 0; i < relays; i++) {
      List<RecordedEvent> out = events.readStream(StreamId.of("Counter", "out-" + i), 1, 100);
      assertEquals(List.of(1L, 2L, 3L, 4L), out.stream().map(e -> ((Counted) Tallies.CODEC.decode(e)).amount()).toList(),
          "relay " + i + " counted each input once, on a state folded exactly, through two splits and a merge");
      assertEquals(1, events.streamVersion(StreamId.of("Counter", "dl-" + i)), "its deadline fired once");
    }
  }

  @Test
  void a_view_that_ran_unsplit_carries_on_split_and_then_refuses_an_unsplit_runner() {
    PostgresViewStore<String, Tally> unsplit = PostgresViewStore.open(pool, "tallies", new TallyRows());
    ProjectionRunner<String, Tally> whole = new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), unsplit);
    countSome(30, 5, 0);
    whole.catchUp();
    long position = unsplit.checkpoint().position();
    countSome(30, 5, 1);

    runner(view).catchUp(leases("a", 4).maintain());
    assertEquals(expected, view.all(), "the segments started at the view's checkpoint");
    assertEquals(Segment.evenly(4), segments.layout(VIEW));
    assertTrue(unsplit.checkpoint().position() > position, "segment 0's checkpoint is the old whole one, moved on");

    countSome(5, 5, 2);
    EventStoreException refused = assertThrows(EventStoreException.class, whole::catchUp);
    assertTrue(refused.getMessage().contains("split into segments"), refused.getMessage());
    Map<String, Tally> before = view.all();
    assertThrows(EventStoreException.class,
        () -> unsplit.apply(Map.of("c0", new Tally("c0", 1, 1)), unsplit.checkpoint(),
            unsplit.checkpoint().position() + 1));
    assertEquals(before, view.all());
  }

  @Test
  void a_reset_starts_every_segment_again_and_fences_off_pages_read_before() {
    SegmentLeases a = leases("a", 3);
    countSome(50, 9, 0);
    List<Lease> held = a.maintain();
    runner(view).catchUp(held);
    // A page read before the reset, committed after it, is refused; the runner replays from the start.
    RacedView raced = new RacedView(view, view::reset);
    countSome(10, 9, 1);

    assertEquals(held, runner(raced).catchUp(held));

    assertEquals(expected, view.all());
    assertEquals(1, raced.refused);
  }

  @Test
  void the_status_table_shows_each_segment_with_its_owner_checkpoint_lag_and_last_error() throws Exception {
    SegmentLeases a = leases("a", 2);
    long last = countSome(20, 4, 0);
    List<Lease> held = a.maintain();
    Lease first = held.get(0);
    runner(view).catchUp(List.of(first));
    PostgresCheckpointStore.open(pool).advance("automation:copy", Checkpoint.START, last);

    List<SegmentStatus> status = segments.status();

    assertEquals(List.of("automation:copy", VIEW, VIEW), status.stream().map(SegmentStatus::name).toList());
    SegmentStatus automation = status.get(0);
    assertEquals(Segment.WHOLE, automation.segment());
    assertEquals(Optional.empty(), automation.owner(), "an unsplit runner has no owner");
    assertEquals(0, automation.lagEvents());
    SegmentStatus caughtUp = status.get(1);
    assertEquals(new Segment(0, 2), caughtUp.segment());
    assertEquals(Optional.of("a"), caughtUp.owner());
    assertTrue(caughtUp.leaseExpires().isPresent());
    assertEquals(last, caughtUp.checkpoint());
    assertEquals(0, caughtUp.lagEvents());
    assertEquals(Duration.ZERO, caughtUp.lag());
    SegmentStatus behind = status.get(2);
    assertEquals(0, behind.checkpoint());
    assertEquals(20, behind.lagEvents());
    assertTrue(behind.lag().compareTo(Duration.ZERO) > 0, behind.toString());
    assertEquals(Optional.empty(), behind.lastError());

    // A projector that fails stops the instance; the status says why, on the segments it held.
    Tallies.count(events, "boom", 1);
    Projector<String, Tally> failing = talliesAfter(event -> {
      if (((Counted) event).counter().equals("boom")) {
        throw new IllegalStateException("cannot count boom");
      }
    });
    LiveSegments live = SegmentedProjection.of(events, Tallies.CODEC, failing, view).start(a, Duration.ofMillis(10));
    assertThrows(IllegalStateException.class, () -> live.awaitCheckpoint(Long.MAX_VALUE, Duration.ofSeconds(30)));
    live.close();
    List<SegmentStatus> after = segments.status().subList(1, 3);
    Segment boom = new Segment((int) (KeyHash.of("boom") % 2), 2);
    for (SegmentStatus line : after) {
      assertTrue(line.lastError().orElseThrow().contains("cannot count boom"), line.toString());
      assertTrue(line.lastErrorAt().isPresent());
    }
    assertTrue(after.stream().anyMatch(line -> line.segment().equals(boom)));
  }

  /** The tallies' projector, running {@code first} before it projects each event. */
  private static Projector<String, Tally> talliesAfter(Consumer<Event> first) {
    TallyProjector tallies = new TallyProjector();
    return new Projector<>() {
      @Override
      public Tally initial(String key) {
        return tallies.initial(key);
      }

      @Override
      public Optional<String> keyOf(Event event) {
        return tallies.keyOf(event);
      }

      @Override
      public Tally project(Tally row, Event event) {
        first.accept(event);
        return tallies.project(row, event);
      }
    };
  }

  private long checkpoint(int segment) throws Exception {
    return querySegment("SELECT position FROM eventsmith_runner_checkpoints WHERE name = 'view:tallies' AND segment = "
        + segment).orElseThrow();
  }

  private Optional<Long> ahead(int segment) throws Exception {
    return querySegment("SELECT ahead_position FROM eventsmith_segments WHERE name = 'view:tallies' AND segment = "
        + segment);
  }

  private Optional<Long> querySegment(String sql) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      assertTrue(rows.next(), sql);
      return Optional.ofNullable(rows.getObject(1, Long.class));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A segmented view that runs {@code meanwhile} once, right before its first commit, and counts refused commits. */
  private static final class RacedView extends DelegatingSegmentedView {
    private Runnable meanwhile;
    int refused;

    RacedView(SegmentedViewStore<String, Tally> view, Runnable meanwhile) {
      super(view);
      this.meanwhile = meanwhile;
    }

    @Override
    public List<SegmentCheckpoint> commit(List<SegmentPage<Map<String, Tally>>> pages, long newPosition) {
      Runnable run = meanwhile;
      meanwhile = null;
      if (run != null) {
        run.run();
      }
      try {
        return super.commit(pages, newPosition);
      } catch (RuntimeException e) {
        refused++;
        throw e;
      }
    }
  }
}
