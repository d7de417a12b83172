package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoredText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one instance of a {@link Workflow} does with an event or a deadline, the same whoever runs
 * it ({@link ProcessRunner}, {@link dev.eventsmith.runtime.segment.SegmentedProcess}): fold its
 * state, schedule and cancel its deadlines, issue its commands with their ids and compensate for a
 * rejection once. Public only for the segmented runner; not an API of its own.
 *
 * @param <S> the state of one instance
 */
public final class ProcessSteps<S> {

  /** One instance: its state, the id of its flow, and whether it ended. */
  public record Instance<S>(S state, String correlation, boolean ended) {}

  /** Dispatches a command unless its outcome is recorded, handing a rejection on; answers whether it did. */
  @FunctionalInterface
  public interface Issue {
    /** Dispatches {@code command} with {@code metadata}; answers whether it did. */
    boolean issue(Command command, Map<String, String> metadata, Consumer<CommandResult.Rejected> onRejected);
  }

  private final String name;
  private final Workflow<S> process;
  private final DeadlineStore deadlines;

  /** The steps of {@code process} under {@code name}, keeping its deadlines in {@code deadlines}. */
  public ProcessSteps(String name, Workflow<S> process, DeadlineStore deadlines) {
    this.name = StoredText.check(name, "a process's name");
    this.process = Objects.requireNonNull(process, "process");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
  }

  /** The process's name. */
  public String name() {
    return name;
  }

  /** The owner of the deadlines of the instance {@code key}: "name:key". */
  public String owner(String key) {
    return name + ":" + key;
  }

  /** The key of the instance {@code event} belongs to, if any. */
  public Optional<String> keyOf(Event event, RecordedEvent recorded) {
    return call("keyOf", recorded, () -> process.keyOf(event));
  }

  /**
   * The instance {@code key} after {@code event}, from {@code before} (null or ended: none yet);
   * empty if there is no instance and the event does not start one.
   */
  public Optional<Instance<S>> evolve(Instance<S> before, String key, Event event, RecordedEvent recorded) {
    boolean fresh = before == null || before.ended();
    if (fresh && !call("starts", recorded, () -> process.starts(event))) {
      return Optional.empty();
    }
    S start = fresh ? call("initialState", recorded, () -> process.initialState(key)) : before.state();
    String correlation = fresh
        ? recorded.metadata().getOrDefault(Causation.CORRELATION_ID, recorded.eventId().toString())
        : before.correlation();
    S state = call("evolve", recorded, () -> process.evolve(start, event));
    return Optional.of(new Instance<>(state, correlation, call("ended", recorded, () -> process.ended(state))));
  }

  /**
   * Carries out the reaction of the instance {@code key}, as it is {@code after} the event: its
   * deadlines, its commands, and the cancellation of its deadlines if it ended; answers the number
   * of commands dispatched.
   */
  public int react(Instance<S> after, String key, Event event, RecordedEvent recorded, Issue issue) {
    Reaction reaction = call("react", recorded, () -> process.react(after.state(), event, recorded.recordedAt()));
    String owner = owner(key);
    long cause = recorded.globalPosition();
    int issued = carryOut(reaction, after, owner, cause, recorded.recordedAt(),
        "process:" + name + ":" + recorded.eventId() + ":", recorded.eventId().toString(), true, issue);
    if (after.ended()) {
      for (DueDeadline scheduled : deadlines.scheduled(owner)) {
        deadlines.cancel(owner, scheduled.deadline().name(), cause);
      }
    }
    return issued;
  }

  /** The key of the instance {@code due} belongs to. */
  public String keyOf(DueDeadline due) {
    String prefix = name + ":";
    if (!due.deadline().owner().startsWith(prefix)) {
      throw new IllegalArgumentException(due.deadline() + " is not of the process " + name);
    }
    return due.deadline().owner().substring(prefix.length());
  }

  /** Issues the commands of {@link Workflow#onDeadline} for {@code due}, unless the instance ended or is none. */
  public void fire(Instance<S> instance, DueDeadline due, Instant now, Issue issue) {
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
        "process:" + name + ":deadline:" + due.id() + ":", "deadline:" + due.id(), true, issue);
  }

  /**
   * Schedules and cancels the reaction's deadlines (cause -1: none, for a deadline's reaction),
   * then issues its commands with ids {@code idPrefix + index}, compensating for rejections once.
   */
  private int carryOut(Reaction reaction, Instance<S> instance, String owner, long cause, Instant now,
      String idPrefix, String causation, boolean compensate, Issue issue) {
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
      boolean dispatched = issue.issue(command, metadata, rejected -> {
        if (compensate) {
          Reaction compensation = compensation(instance, command, rejected);
          carryOut(compensation, instance, owner, cause, now, commandId + "/rejected:", causation, false, issue);
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
