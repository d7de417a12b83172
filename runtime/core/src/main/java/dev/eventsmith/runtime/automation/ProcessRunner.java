package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.automation.ProcessSteps.Instance;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a {@link Workflow}: follows the global log, folds the state of each instance from the
 * events it handles (from the start of the log, as {@link ViewAutomationRunner} does its rows),
 * and after its checkpoint carries out each reaction: deadlines scheduled and cancelled in a
 * {@link DeadlineStore}, commands dispatched with ids of their own and the flow's correlation and
 * causation ids, a rejected command handed to the process for compensation. It is also the
 * handler a {@link DeadlineRunner} fires the process's deadlines to.
 *
 * <p>A restart neither skips nor repeats: the checkpoint moves after each page, every command's
 * outcome is recorded ({@link dev.eventsmith.runtime.checkpoint.IssuedCommands}) after its
 * compensation, if any, was issued, and every deadline change names the position of its event, so
 * an event read again changes nothing twice. A deadline fired again (its runner died before
 * completing it) issues commands with the same ids, which are skipped. Compensating commands that
 * are rejected are not compensated in turn. Not thread-safe: give each thread its own runner. To
 * share a process between several instances of a service, run it as a {@link
 * dev.eventsmith.runtime.segment.SegmentedProcess}.
 *
 * @param <S> the state of one instance
 */
public final class ProcessRunner<S> implements DeadlineRunner.Handler {

  private final EventStore store;
  private final EventCodec codec;
  private final ProcessSteps<S> steps;
  private final CommandBus bus;
  private final RunnerCheckpoint checkpoint;
  private final EventTypes types;
  private final Map<String, Instance<S>> instances = new HashMap<>();
  private long read;

  /**
   * A runner of {@code process} under {@code name} (its checkpoint is "process:name" in
   * {@code checkpoints}; its deadlines' owners are "name:key"; keep the name when the class is
   * renamed).
   */
  public ProcessRunner(String name, EventStore store, EventCodec codec, Workflow<S> process, CommandBus bus,
      CheckpointStore checkpoints, DeadlineStore deadlines) {
    this.steps = new ProcessSteps<>(name, process, deadlines);
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.checkpoint = new RunnerCheckpoint(checkpoints, "process", name, 0);
    this.types = new EventTypes(codec, "the process " + name, "(a process reads every type its codec knows)");
  }

  /** The owner of the deadlines of the instance {@code key}: "name:key". */
  public String owner(String key) {
    return steps.owner(key);
  }

  /** The global position of the last event handled, as stored. */
  public long checkpoint() {
    return checkpoint.read().position();
  }

  /** The state of the instance {@code key} as this runner has folded it, if it has one that has not ended. */
  public Optional<S> state(String key) {
    Instance<S> instance = instances.get(key);
    return instance == null || instance.ended() ? Optional.empty() : Optional.of(instance.state());
  }

  /** Handles every event recorded since the last call; returns the number of commands dispatched. */
  public int catchUp() {
    int[] issued = {0};
    checkpoint.follow(store, read, false, (recorded, pastCheckpoint) -> {
      if (types.shouldRead(recorded)) {
        issued[0] += apply(codec.decode(recorded), recorded, pastCheckpoint);
      }
      read = recorded.globalPosition();
    });
    return issued[0];
  }

  private int apply(Event event, RecordedEvent recorded, boolean pastCheckpoint) {
    Optional<String> key = steps.keyOf(event, recorded);
    if (key.isEmpty()) {
      return 0;
    }
    Optional<Instance<S>> after = steps.evolve(instances.get(key.get()), key.get(), event, recorded);
    if (after.isEmpty()) {
      return 0;
    }
    int issued = pastCheckpoint ? steps.react(after.get(), key.get(), event, recorded, this::issue) : 0;
    // Only now: an event whose handling failed is read again, on the instance as it was before it.
    instances.put(key.get(), after.get());
    return issued;
  }

  private boolean issue(Command command, Map<String, String> metadata, Consumer<CommandResult.Rejected> onRejected) {
    return checkpoint.issue(bus, command, metadata, onRejected);
  }

  /**
   * Fires the deadline {@code due} of one of this process's instances at {@code now}: catches up
   * with the log first, so the instance's state is current, then issues the commands of
   * {@link Workflow#onDeadline}. A deadline of an instance that ended, or of no instance, does
   * nothing.
   *
   * @throws IllegalStateException if the reaction schedules or cancels deadlines: a deadline's
   *     reaction issues commands, and the events they record drive the process on
   */
  @Override
  public void fire(DueDeadline due, Instant now) {
    Objects.requireNonNull(due, "due");
    String key = steps.keyOf(due);
    catchUp();
    steps.fire(instances.get(key), due, now, this::issue);
    catchUp();
  }
}
