package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Follows the global log and hands each event to an automation, dispatching the commands it
 * issues. Its checkpoint lives in a {@link CheckpointStore} (in memory unless
 * {@link #withCheckpoints} names a durable one) and moves by compare-and-set after each page.
 *
 * <p>Each command is dispatched with a command id derived from the automation's name, the event's
 * id and the command's index, so a {@link dev.eventsmith.runtime.command.CommandHandler} records it
 * once however often it is dispatched: after a crash (the page since the last checkpoint is read
 * again) and with several runners of one automation (each dispatches, the first one records, and
 * the others are answered with what it recorded; whoever loses the compare-and-set re-reads the
 * checkpoint). When the checkpoint store also keeps {@link IssuedCommands} (the in-memory, SQLite
 * and PostgreSQL ones do), the outcome of each command is recorded after its dispatch and a
 * command whose outcome is recorded is not dispatched again, so a rejected command is not decided
 * again either (unless the runner died between dispatching it and recording its outcome).
 * Rejections are not errors here and are not reported.
 *
 * <p>Each command carries the correlation id of its flow and the causation id of its event in its
 * metadata, and so do the events it records ({@link Causation}).
 *
 * <p>An event whose type the codec does not know stops the runner unless its type is named in
 * {@link #skippingTypes}; an automation that throws stops it with a message naming the event. Not
 * thread-safe: give each thread its own runner.
 */
public final class AutomationRunner {

  private final EventStore store;
  private final EventCodec codec;
  private final Automation automation;
  private final CommandBus bus;
  private final RunnerCheckpoint checkpoint;
  private final EventTypes types;

  public AutomationRunner(EventStore store, EventCodec codec, Automation automation, CommandBus bus) {
    this(store, codec, Objects.requireNonNull(automation, "automation"), bus,
        new RunnerCheckpoint(new InMemoryCheckpointStore(), automation.getClass().getName(), 0),
        new EventTypes(codec, "the automation " + automation.getClass().getName(),
            "AutomationRunner.skippingTypes(...)"));
  }

  private AutomationRunner(EventStore store, EventCodec codec, Automation automation, CommandBus bus,
      RunnerCheckpoint checkpoint, EventTypes types) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.automation = automation;
    this.bus = Objects.requireNonNull(bus, "bus");
    this.checkpoint = checkpoint;
    this.types = types;
  }

  /**
   * A runner whose checkpoint is {@code name}'s in {@code checkpoints}: durable if the store is,
   * and shared by every runner of that name. The name also goes into the ids of issued commands,
   * so keep it when the automation's class is renamed.
   */
  public AutomationRunner withCheckpoints(CheckpointStore checkpoints, String name) {
    return new AutomationRunner(store, codec, automation, bus, checkpoint.in(checkpoints, name), types);
  }

  /** A runner that starts after {@code position} of the global log, unless its checkpoint is already further on. */
  public AutomationRunner startingAfter(long position) {
    return new AutomationRunner(store, codec, automation, bus, checkpoint.startingAfter(position), types);
  }

  /**
   * A runner that skips events of the stored types {@code types}, on purpose: another model's
   * types. Every other type the codec does not know still stops the runner.
   *
   * @throws IllegalArgumentException if a type is one the codec knows
   */
  public AutomationRunner skippingTypes(Collection<String> types) {
    return new AutomationRunner(store, codec, automation, bus, checkpoint, this.types.skipping(types));
  }

  /**
   * The command id of the {@code index}-th command the automation {@code name} issues for
   * {@code recorded}: the same in every run and every instance, segmented or not, so the command is
   * recorded once however often it is dispatched.
   */
  public static String commandId(String name, RecordedEvent recorded, int index) {
    return "automation:" + name + ":" + recorded.eventId() + ":" + index;
  }

  /** The global position of the last event handled, as stored. */
  public long checkpoint() {
    return checkpoint.read().position();
  }

  /**
   * Handles every event recorded after the checkpoint, including those that the issued commands
   * record, until the log is exhausted; returns the number of commands dispatched (not counting
   * those whose outcome the checkpoint store had recorded already).
   */
  public int catchUp() {
    int[] issued = {0};
    checkpoint.follow(store, 0, true, (recorded, pastCheckpoint) -> {
      if (pastCheckpoint && types.shouldRead(recorded)) {
        List<? extends Command> commands = react(codec.decode(recorded), recorded);
        for (int i = 0; i < commands.size(); i++) {
          if (checkpoint.issue(bus, commands.get(i), recorded, i)) {
            issued[0]++;
          }
        }
      }
    });
    return issued[0];
  }

  private List<? extends Command> react(Event event, RecordedEvent recorded) {
    List<? extends Command> commands;
    try {
      commands = automation.react(event);
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(automation.getClass().getName() + " failed on the " + recorded.type()
          + " event at " + recorded.location() + ": " + e, e);
    }
    if (commands == null) {
      throw new IllegalStateException(automation.getClass().getName() + " returned null for the " + recorded.type()
          + " event at " + recorded.location() + "; return an empty list to issue nothing");
    }
    return commands;
  }
}
