package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoredText;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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
 * are rejected are not compensated in turn. Not thread-safe: give each thread its own runner.
 *
 * @param <S> the state of one instance
 */
public final class ProcessRunner<S> implements DeadlineRunner.Handler {

  /** One instance: its state, the id of its flow, and whether it ended. */
  private record Instance<S>(S state, String correlation, boolean ended) {}

  private final String name;
  private final EventStore store;
  private final EventCodec codec;
  private final Workflow<S> process;
  private final CommandBus bus;
  private final DeadlineStore deadlines;
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
    this.name = StoredText.check(name, "a process's name");
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.process = Objects.requireNonNull(process, "process");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    this.checkpoint = new RunnerCheckpoint(checkpoints, "process", name, 0);
    this.types = new EventTypes(codec, "the process " + name, "(a process reads every type its codec knows)");
  }

  /** The owner of the deadlines of the instance {@code key}: "name:key". */
  public String owner(String key) {
    return name + ":" + key;
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
    Optional<String> key = call("keyOf", recorded, () -> process.keyOf(event));
    if (key.isEmpty()) {
      return 0;
    }
    Instance<S> before = instances.get(key.get());
    boolean fresh = before == null || before.ended();
    if (fresh && !call("starts", recorded, () -> process.starts(event))) {
      return 0;
    }
    S start = fresh ? call("initialState", recorded, () -> process.initialState(key.get())) : before.state();
    String correlation = fresh
        ? recorded.metadata().getOrDefault(Causation.CORRELATION_ID, recorded.eventId().toString())
        : before.correlation();
    S state = call("evolve", recorded, () -> process.evolve(start, event));
    Instance<S> after = new Instance<>(state, correlation, call("ended", recorded, () -> process.ended(state)));
    int issued = 0;
    if (pastCheckpoint) {
      Reaction reaction = call("react", recorded, () -> process.react(state, event, recorded.recordedAt()));
      String owner = owner(key.get());
      long cause = recorded.globalPosition();
      issued = carryOut(reaction, after, owner, cause, recorded.recordedAt(),
          "process:" + name + ":" + recorded.eventId() + ":", recorded.eventId().toString(), true);
      if (after.ended()) {
        for (DueDeadline scheduled : deadlines.scheduled(owner)) {
          deadlines.cancel(owner, scheduled.deadline().name(), cause);
        }
      }
    }
    // Only now: an event whose handling failed is read again, on the instance as it was before it.
    instances.put(key.get(), after);
    return issued;
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
    String prefix = name + ":";
    if (!due.deadline().owner().startsWith(prefix)) {
      throw new IllegalArgumentException(due.deadline() + " is not of the process " + name);
    }
    catchUp();
    String key = due.deadline().owner().substring(prefix.length());
    Instance<S> instance = instances.get(key);
    if (instance == null || instance.ended()) {
      return;
    }
    Reaction reaction;
    try {
      reaction = Objects.requireNonNull(process.onDeadline(instance.state(), due.deadline().name(), now),
          "onDeadline returned null");
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(process.getClass().getName() + ".onDeadline failed on " + due.deadline()
          + ": " + e, e);
    }
    carryOut(reaction, instance, due.deadline().owner(), -1, now,
        "process:" + name + ":deadline:" + due.id() + ":", "deadline:" + due.id(), true);
    catchUp();
  }

  /**
   * Schedules and cancels the reaction's deadlines (cause -1: none, for a deadline's reaction),
   * then issues its commands with ids {@code idPrefix + index}, compensating for rejections once.
   */
  private int carryOut(Reaction reaction, Instance<S> instance, String owner, long cause, Instant now,
      String idPrefix, String causation, boolean compensate) {
    if (cause < 0 && (!reaction.schedules().isEmpty() || !reaction.cancels().isEmpty())) {
      throw new IllegalStateException(process.getClass().getName() + " schedules or cancels deadlines in its "
          + "reaction to the deadline of " + owner + "; a deadline's reaction (and its compensation) issues "
          + "commands only, and the events they record may schedule deadlines in react");
    }
    for (String cancelled : reaction.cancels()) {
      deadlines.cancel(owner, cancelled, cause);
    }
    for (Map.Entry<String, Duration> scheduled : reaction.schedules().entrySet()) {
      deadlines.schedule(new Deadline(owner, scheduled.getKey(), now.plus(scheduled.getValue())), cause);
    }
    int issued = 0;
    List<Command> commands = reaction.commands();
    for (int i = 0; i < commands.size(); i++) {
      Command command = commands.get(i);
      String commandId = idPrefix + i;
      Map<String, String> metadata = Map.of(CommandHandler.COMMAND_ID, commandId,
          Causation.CORRELATION_ID, instance.correlation(), Causation.CAUSATION_ID, causation);
      boolean dispatched = checkpoint.issue(bus, command, metadata, rejected -> {
        if (compensate) {
          Reaction compensation = compensation(instance, command, rejected);
          carryOut(compensation, instance, owner, cause, now, commandId + "/rejected:", causation, false);
        }
      });
      if (dispatched) {
        issued++;
      }
    }
    return issued;
  }

  private Reaction compensation(Instance<S> instance, Command command, CommandResult.Rejected rejected) {
    try {
      return Objects.requireNonNull(process.onRejected(instance.state(), command, rejected.rejection()),
          "onRejected returned null");
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(process.getClass().getName() + ".onRejected failed on "
          + rejected.rejection() + " of " + command + ": " + e, e);
    }
  }

  private <T> T call(String method, RecordedEvent recorded, Supplier<T> call) {
    return ViewAutomationRunner.call(process, method, recorded, call);
  }
}
