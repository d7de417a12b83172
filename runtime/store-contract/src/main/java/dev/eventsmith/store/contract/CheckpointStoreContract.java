package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.checkpoint.IssuedCommands.Outcome;
import dev.eventsmith.runtime.command.Causation;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CheckpointStore} must have, with automation runners that keep their
 * checkpoints in it; the stores of Eventsmith also keep {@link IssuedCommands}, tested here too. Subclass it, implement the two factories, and JUnit runs the contract.
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

  private IssuedCommands issuedCommands() {
    CheckpointStore checkpoints = checkpoints();
    assertTrue(checkpoints instanceof IssuedCommands, () -> checkpoints.getClass().getName()
        + " keeps no IssuedCommands: automations' rejected commands would be decided again after a restart");
    return (IssuedCommands) checkpoints;
  }

  @Test
  void the_first_outcome_recorded_for_a_command_stays_and_every_store_object_sees_it() {
    IssuedCommands issued = issuedCommands();
    assertEquals(Optional.empty(), issued.outcome("automation:copy:e1:0"));

    assertEquals(Outcome.REJECTED, issued.record("automation:copy:e1:0", Outcome.REJECTED));
    assertEquals(Outcome.REJECTED, issuedCommands().record("automation:copy:e1:0", Outcome.ACCEPTED),
        "the first outcome stays");
    assertEquals(Outcome.ACCEPTED, issuedCommands().record("automation:copy:e1:1", Outcome.ACCEPTED));

    assertEquals(Optional.of(Outcome.REJECTED), issuedCommands().outcome("automation:copy:e1:0"));
    assertEquals(Optional.of(Outcome.ACCEPTED), issuedCommands().outcome("automation:copy:e1:1"));
    assertEquals(Optional.empty(), issuedCommands().outcome("automation:copy:e2:0"));
  }

  @Test
  @Tag("reliability")
  void a_runner_that_reads_events_again_dispatches_none_of_their_commands_again_not_even_a_rejected_one() {
    Tallies.count(events, "in-1", 70);
    Tallies.count(events, "in-2", 70);
    Automation copy = event -> {
      Counted counted = (Counted) event;
      return counted.counter().startsWith("in-") ? List.of(new Count("out", counted.amount())) : List.of();
    };
    AtomicInteger decisions = new AtomicInteger();
    CommandBus bus = new CommandBus().register(Count.class,
        new CommandHandler<>(events, Tallies.CODEC, new CountingCounter(decisions::incrementAndGet)));
    CheckpointStore durable = checkpoints();
    // The first runner dies after dispatching its page but before its checkpoint moves.
    AutomationRunner dying = new AutomationRunner(events, Tallies.CODEC, copy, bus)
        .withCheckpoints(new DiesBeforeCheckpoint(durable), "copy");
    assertThrows(IllegalStateException.class, dying::catchUp);
    assertEquals(2, decisions.get(), "70 accepted, then 70 more rejected: over the limit of 100");
    assertEquals(Checkpoint.START, checkpoints().read("automation:copy"));

    AutomationRunner restarted = new AutomationRunner(events, Tallies.CODEC, copy, bus)
        .withCheckpoints(checkpoints(), "copy");
    assertEquals(0, restarted.catchUp(), "both outcomes were recorded: nothing is dispatched again");
    assertEquals(2, decisions.get());
    List<RecordedEvent> log = Events.readWholeLog(events);
    assertEquals(log.get(2).globalPosition(), checkpoints().read("automation:copy").position());
    String first = AutomationRunner.commandId("copy", log.get(0), 0);
    String second = AutomationRunner.commandId("copy", log.get(1), 0);
    assertEquals(Optional.of(Outcome.ACCEPTED), issuedCommands().outcome(first));
    assertEquals(Optional.of(Outcome.REJECTED), issuedCommands().outcome(second));
  }

  @Test
  void issued_commands_and_their_events_carry_the_flows_correlation_id_and_their_causes_id() {
    Tallies.count(events, "in-1", 3);
    // in-1 -> mid-1 -> out-1: two hops of one flow, started by the event on in-1.
    Automation relay = event -> {
      Counted counted = (Counted) event;
      String[] name = counted.counter().split("-");
      String next = name[0].equals("in") ? "mid" : name[0].equals("mid") ? "out" : null;
      return next == null ? List.of() : List.of(new Count(next + "-" + name[1], counted.amount()));
    };
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
    new AutomationRunner(events, Tallies.CODEC, relay, bus).withCheckpoints(checkpoints(), "relay").catchUp();

    List<RecordedEvent> log = Events.readWholeLog(events);
    assertEquals(3, log.size());
    RecordedEvent start = log.get(0);
    RecordedEvent mid = log.get(1);
    RecordedEvent out = log.get(2);
    assertEquals(Map.of(Causation.CORRELATION_ID, start.eventId().toString(),
        Causation.CAUSATION_ID, start.eventId().toString(),
        CommandHandler.COMMAND_ID, AutomationRunner.commandId("relay", start, 0)), mid.metadata());
    assertEquals(Map.of(Causation.CORRELATION_ID, start.eventId().toString(),
        Causation.CAUSATION_ID, mid.eventId().toString(),
        CommandHandler.COMMAND_ID, AutomationRunner.commandId("relay", mid, 0)), out.metadata());
  }
}
