package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.segment.SegmentedProcess;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.checkpoint.IssuedCommands.Outcome;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentRunner;
import dev.eventsmith.runtime.segment.SegmentedCheckpoints;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies.Count;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A process run on a store's events, checkpoints and deadlines: commands with the flow's ids,
 * compensation for a rejection, a deadline fired by a clock once, and a restart that repeats
 * nothing; the same process run unsplit by a {@link SegmentedProcess}, going on from a {@link
 * ProcessRunner}'s checkpoint. Subclass it and implement the three factories; JUnit runs the contract.
 */
public abstract class ProcessRunnerContract {

  /** A fresh, empty event store for one test; the contract closes it after the test. */
  protected abstract EventStore newEventStore();

  /** Opens the checkpoints of this test's database, a new object each call for a durable store. */
  protected abstract CheckpointStore openCheckpoints();

  /** Opens the deadlines of this test's database, a new object each call for a durable store. */
  protected abstract DeadlineStore openDeadlines();

  private EventStore events;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final AtomicInteger decisions = new AtomicInteger();
  private CommandBus bus;

  @BeforeEach
  void openEventStore() {
    events = newEventStore();
    bus = new CommandBus().register(Count.class,
        new CommandHandler<>(events, Tallies.CODEC, new CountingCounter(decisions::incrementAndGet)));
  }

  @AfterEach
  void closeStores() throws Exception {
    for (AutoCloseable store : opened) {
      store.close();
    }
    events.close();
  }

  private CheckpointStore checkpoints() {
    CheckpointStore store = openCheckpoints();
    opened.add(store);
    return store;
  }

  private DeadlineStore deadlines() {
    DeadlineStore store = openDeadlines();
    opened.add(store);
    return store;
  }

  private ProcessRunner<Escrow.State> runner(CheckpointStore checkpoints) {
    return new ProcessRunner<>("escrow", events, Tallies.CODEC, new Escrow(), bus, checkpoints, deadlines());
  }

  private List<RecordedEvent> stream(String counter) {
    return events.readStream(StreamId.of("Counter", counter), 1, 100);
  }

  @Test
  void an_instance_issues_its_command_with_the_flows_ids_schedules_its_deadline_and_ends() {
    Tallies.count(events, "hold-1", 70);
    ProcessRunner<Escrow.State> runner = runner(checkpoints());

    assertEquals(1, runner.catchUp(), "the payment");
    assertEquals(0, runner.catchUp(), "nothing more to do");
    assertEquals(1, stream("pay-1").size());
    assertEquals(List.of(), deadlines().claimDue(Instant.parse("9999-01-01T00:00:00Z"), Duration.ofMinutes(1), 10));
    RecordedEvent hold = stream("hold-1").get(0);
    RecordedEvent paid = stream("pay-1").get(0);
    assertEquals(hold.eventId().toString(), paid.metadata().get(Causation.CORRELATION_ID));
    assertEquals(hold.eventId().toString(), paid.metadata().get(Causation.CAUSATION_ID));
    assertEquals(Optional.empty(), runner.state("1"), "the payment ended it");
    assertEquals(List.of(), deadlines().scheduled(runner.owner("1")), "its deadline went with it");
  }

  @Test
  void a_rejected_command_is_compensated_once() {
    Tallies.count(events, "pay-2", 60);
    Tallies.count(events, "hold-2", 70);
    CheckpointStore checkpoints = checkpoints();
    runner(checkpoints).catchUp();

    assertEquals(1, stream("pay-2").size(), "60 + 70 is over the limit: the payment was rejected");
    assertEquals(1, stream("refund-2").size(), "and refunded");
    RecordedEvent hold = stream("hold-2").get(0);
    RecordedEvent refund = stream("refund-2").get(0);
    assertEquals(hold.eventId().toString(), refund.metadata().get(Causation.CORRELATION_ID));
    String payment = "process:escrow:" + hold.eventId() + ":0";
    assertEquals(payment + "/rejected:0", refund.metadata().get(CommandHandler.COMMAND_ID));
    assertEquals(Optional.of(Outcome.REJECTED), ((IssuedCommands) checkpoints).outcome(payment));
    assertEquals(List.of(), deadlines().scheduled("escrow:2"));
  }

  @Test
  @Tag("reliability")
  void a_deadline_fires_when_the_clock_says_so_once_even_when_fired_again() {
    Tallies.count(events, "pay-3", 90);
    Tallies.count(events, "hold-3", Escrow.WAITS);
    ProcessRunner<Escrow.State> runner = runner(checkpoints());
    runner.catchUp();
    RecordedEvent hold = stream("hold-3").get(0);
    ManualClock clock = new ManualClock(hold.recordedAt().plus(Duration.ofMinutes(59)));
    List<DueDeadline> fired = new ArrayList<>();
    DeadlineRunner deadlineRunner = new DeadlineRunner(deadlines(), clock, (due, now) -> {
      fired.add(due);
      runner.fire(due, now);
    });

    assertEquals(0, deadlineRunner.fireDue(), "59 minutes: not yet");
    assertTrue(runner.state("3").isPresent(), "the rejected payment is not refunded: it waits");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, deadlineRunner.fireDue());
    assertEquals(1, stream("late-3").size());
    assertEquals(Optional.empty(), runner.state("3"), "the late count ended it");

    int before = decisions.get();
    runner(checkpoints()).fire(fired.get(0), clock.instant());
    runner.fire(fired.get(0), clock.instant());
    assertEquals(before, decisions.get(), "fired again (its runner died before completing it): nothing repeats");
    assertEquals(1, stream("late-3").size());
    assertEquals(0, deadlineRunner.fireDue());
  }

  @Test
  @Tag("reliability")
  void a_runner_restarted_before_its_checkpoint_moved_repeats_no_command_and_no_deadline() {
    Tallies.count(events, "pay-4", 95);
    Tallies.count(events, "hold-4", Escrow.WAITS);
    Tallies.count(events, "hold-5", 70);
    CheckpointStore checkpoints = checkpoints();
    assertThrows(IllegalStateException.class, () -> runner(new DiesBeforeCheckpoint(checkpoints)).catchUp());
    int decided = decisions.get();
    List<DueDeadline> scheduled = deadlines().scheduled("escrow:4");
    assertEquals(1, scheduled.size());

    ProcessRunner<Escrow.State> restarted = runner(checkpoints());
    assertEquals(0, restarted.catchUp(), "every outcome was recorded");
    assertEquals(decided, decisions.get());
    assertEquals(scheduled, deadlines().scheduled("escrow:4"), "the deadline was not scheduled again");
    assertEquals(1, stream("pay-5").size());
    assertTrue(restarted.state("4").isPresent());
    assertEquals(Optional.empty(), restarted.state("5"));
  }

  @Test
  @Tag("reliability")
  void unsplit_a_segmented_process_carries_on_from_a_process_runner_fires_its_deadline_once_and_repeats_nothing() {
    Tallies.count(events, "hold-7", 70);
    CheckpointStore checkpoints = checkpoints();
    runner(checkpoints).catchUp();
    Tallies.count(events, "pay-8", 90);
    Tallies.count(events, "hold-8", Escrow.WAITS);
    ManualClock clock = new ManualClock(stream("hold-8").get(0).recordedAt().plus(Duration.ofMinutes(59)));
    List<Lease> sole = SegmentLeases.sole().maintain();
    SegmentRunner<?> segmented = segmented(checkpoints, clock).runner();

    segmented.catchUp(sole);
    assertEquals(1, stream("pay-7").size(), "what the process runner did is not done again");
    assertEquals(1, stream("pay-8").size(), "the payment of 13 was rejected and, at 13, not refunded");
    assertEquals(1, deadlines().scheduled("escrow:8").size());
    assertEquals(0, stream("late-8").size(), "59 minutes: not yet");
    clock.advance(Duration.ofMinutes(1));
    segmented.catchUp(sole);
    assertEquals(1, stream("late-8").size(), "the deadline fired when due");
    segmented.catchUp(sole);
    assertEquals(List.of(), deadlines().scheduled("escrow:8"), "fired and completed");

    int decided = decisions.get();
    segmented(checkpoints(), clock).runner().catchUp(sole);
    runner(checkpoints()).catchUp();
    assertEquals(decided, decisions.get(), "a restart, segmented or not, repeats nothing");
    assertEquals(1, stream("late-8").size());
    long last = events.readAll(0, 100).stream().mapToLong(RecordedEvent::globalPosition).max().orElseThrow();
    assertEquals(last, checkpoints().read("process:escrow").position(), "one checkpoint for both runners");
  }

  private SegmentedProcess<Escrow.State> segmented(CheckpointStore checkpoints, ManualClock clock) {
    return SegmentedProcess.of("escrow", events, Tallies.CODEC, new Escrow(), bus,
        SegmentedCheckpoints.wholeProcess(checkpoints, "escrow"), deadlines()).withClock(clock);
  }

  @Test
  void an_event_whose_reaction_failed_is_handled_again_on_the_state_before_it() {
    Tallies.count(events, "pay-6", 95);
    Tallies.count(events, "hold-6", Escrow.WAITS);
    ProcessRunner<Escrow.State> runner =
        new ProcessRunner<>("escrow", events, Tallies.CODEC, new Escrow(1), bus, checkpoints(), deadlines());

    IllegalStateException failed = assertThrows(IllegalStateException.class, runner::catchUp);
    assertTrue(failed.getMessage().contains("react failed on the Counted event at Counter-hold-6@1"),
        failed.getMessage());
    assertEquals(1, runner.catchUp(), "the payment, rejected and, at 13, not refunded");
    assertEquals(1, runner.state("6").orElseThrow().events(), "the hold was folded once");
    assertEquals(1, deadlines().scheduled("escrow:6").size());
  }
}
