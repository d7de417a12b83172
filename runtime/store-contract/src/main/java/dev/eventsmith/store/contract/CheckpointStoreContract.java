package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CheckpointStore} must have, with automation runners that keep their
 * checkpoints in it. Subclass it, implement the two factories, and JUnit runs the contract.
 */
public abstract class CheckpointStoreContract {

  /** A fresh, empty event store for one test; the contract closes it after the test. */
  protected abstract EventStore newEventStore();

  /** Opens the checkpoints of this test's database, as another process would: a new object each call for a durable store. */
  protected abstract CheckpointStore openCheckpoints();

  protected EventStore events;
  private final List<CheckpointStore> opened = new ArrayList<>();

  @BeforeEach
  void openEventStore() {
    events = newEventStore();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(CheckpointStore::close);
    events.close();
  }

  protected CheckpointStore checkpoints() {
    CheckpointStore checkpoints = openCheckpoints();
    synchronized (opened) {
      opened.add(checkpoints);
    }
    return checkpoints;
  }

  @Test
  void a_checkpoint_never_moved_reads_as_the_start() {
    assertEquals(Checkpoint.START, checkpoints().read("automation:payments"));
  }

  @Test
  void a_checkpoint_moves_by_compare_and_set_and_every_store_object_sees_it() {
    CheckpointStore checkpoints = checkpoints();
    Checkpoint one = checkpoints.advance("automation:payments", Checkpoint.START, 7);
    Checkpoint two = checkpoints().advance("automation:payments", one, 9);

    assertEquals(new Checkpoint(7, 1), one);
    assertEquals(new Checkpoint(9, 2), two);
    assertEquals(two, checkpoints().read("automation:payments"));
    assertEquals(Checkpoint.START, checkpoints.read("automation:other"), "names are independent");
  }

  @Test
  void a_stale_or_backward_move_is_refused_and_changes_nothing() {
    CheckpointStore checkpoints = checkpoints();
    Checkpoint one = checkpoints.advance("automation:payments", Checkpoint.START, 7);

    CheckpointConflictException stale = assertThrows(CheckpointConflictException.class,
        () -> checkpoints().advance("automation:payments", Checkpoint.START, 8));
    assertEquals(one, stale.actual());
    assertThrows(CheckpointConflictException.class,
        () -> checkpoints.advance("automation:payments", new Checkpoint(7, 5), 8), "the fence must match too");
    assertThrows(IllegalArgumentException.class, () -> checkpoints.advance("automation:payments", one, 7));

    assertEquals(one, checkpoints().read("automation:payments"));
  }

  @Test
  @Tag("reliability")
  void names_are_well_formed_text_without_nul_of_at_most_255_characters() {
    CheckpointStore checkpoints = checkpoints();
    for (String bad : List.of("a\uD800", "\uDFFF", "nul\u0000", "n".repeat(StoredText.MAX_LENGTH + 1), "")) {
      assertThrows(IllegalArgumentException.class, () -> checkpoints.read(bad));
      assertThrows(IllegalArgumentException.class, () -> checkpoints.advance(bad, Checkpoint.START, 1));
    }
    String longest = "n".repeat(StoredText.MAX_LENGTH);
    checkpoints.advance(longest, Checkpoint.START, 3);
    checkpoints.advance("\uD83D\uDE00", Checkpoint.START, 4);
    assertEquals(3, checkpoints().read(longest).position());
    assertEquals(4, checkpoints().read("\uD83D\uDE00").position());
    assertEquals(Checkpoint.START, checkpoints().read("?"));
  }

  @Test
  @Tag("reliability")
  void of_runners_racing_from_one_checkpoint_exactly_one_moves_it_each_round() throws Exception {
    int runners = 6;
    int rounds = 20;
    CyclicBarrier barrier = new CyclicBarrier(runners);
    ExecutorService pool = Executors.newFixedThreadPool(runners);
    try {
      List<Future<Integer>> wins = new ArrayList<>();
      for (int r = 0; r < runners; r++) {
        CheckpointStore own = checkpoints();
        wins.add(pool.submit(racer(own, barrier, rounds)));
      }
      int total = 0;
      for (Future<Integer> w : wins) {
        total += w.get(120, TimeUnit.SECONDS);
      }
      assertEquals(rounds, total, "one winner per round, never two");
      assertEquals(new Checkpoint(rounds, rounds), checkpoints().read("automation:raced"));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Integer> racer(CheckpointStore checkpoints, CyclicBarrier barrier, int rounds) {
    return () -> {
      int won = 0;
      for (int round = 0; round < rounds; round++) {
        Checkpoint at = checkpoints.read("automation:raced");
        barrier.await(60, TimeUnit.SECONDS);
        try {
          checkpoints.advance("automation:raced", at, at.position() + 1);
          won++;
        } catch (CheckpointConflictException lost) {
          // Another runner moved it first.
        }
        barrier.await(60, TimeUnit.SECONDS);
      }
      return won;
    };
  }

  @Test
  @Tag("reliability")
  void two_automation_runners_sharing_a_checkpoint_record_each_command_once() throws Exception {
    int inputs = 120;
    for (int i = 0; i < inputs; i++) {
      Tallies.count(events, "in-" + i, 1 + i % 5);
    }
    // Every count on an "in-" counter is copied to its "out-" counter.
    Automation copy = event -> {
      Counted counted = (Counted) event;
      return counted.counter().startsWith("in-")
          ? List.of(new Count("out-" + counted.counter().substring(3), counted.amount())) : List.of();
    };
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        AutomationRunner runner =
            new AutomationRunner(events, Tallies.CODEC, copy, bus).withCheckpoints(checkpoints(), "copy");
        runs.add(pool.submit(runner::catchUp));
      }
      for (Future<Integer> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    for (int i = 0; i < inputs; i++) {
      List<RecordedEvent> out = events.readStream(StreamId.of("Counter", "out-" + i), 1, 10);
      assertEquals(1, out.size(), "out-" + i + " was counted once");
      assertEquals(new Counted("out-" + i, 1 + i % 5), Tallies.CODEC.decode(out.get(0)));
    }
    List<RecordedEvent> log = Events.readWholeLog(events);
    assertEquals(2 * inputs, log.size());
    assertEquals(log.get(log.size() - 1).globalPosition(), checkpoints().read("automation:copy").position());
  }
}
