package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.List;
import java.util.Objects;

/**
 * Follows the global log and hands each event to an automation, dispatching the commands it
 * issues. The checkpoint advances after an event's commands were handled and lives in memory:
 * save {@link #checkpoint()} where you like after {@link #catchUp()} and pass it to
 * {@link #startingAfter} on restart. A crash repeats the commands issued since the checkpoint you
 * saved last, so delivery is at least once: make the commands idempotent (a rejection is a fine
 * answer to a repeated command; rejections are not errors here and are not reported).
 */
public final class AutomationRunner {

  private static final int PAGE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Automation automation;
  private final CommandBus bus;
  private long checkpoint;

  public AutomationRunner(EventStore store, EventCodec codec, Automation automation, CommandBus bus) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.automation = Objects.requireNonNull(automation, "automation");
    this.bus = Objects.requireNonNull(bus, "bus");
  }

  /** Starts after {@code position} of the global log, e.g. a checkpoint saved by the caller. */
  public AutomationRunner startingAfter(long position) {
    if (position < 0) {
      throw new IllegalArgumentException("a global position is never negative: " + position);
    }
    this.checkpoint = position;
    return this;
  }

  /** The global position of the last event handled. */
  public long checkpoint() {
    return checkpoint;
  }

  /**
   * Handles every event recorded after the checkpoint, including those that the issued commands
   * record, until the log is exhausted; returns the number of commands issued.
   */
  public int catchUp() {
    int issued = 0;
    while (true) {
      List<RecordedEvent> page = store.readAll(checkpoint, PAGE);
      if (page.isEmpty()) {
        return issued;
      }
      for (RecordedEvent recorded : page) {
        // The log may hold other models' events; this automation only reads its own model's.
        if (codec.types().contains(recorded.type())) {
          for (Command command : react(codec.decode(recorded), recorded)) {
            bus.dispatch(command);
            issued++;
          }
        }
        checkpoint = recorded.globalPosition();
      }
    }
  }

  private List<? extends Command> react(Event event, RecordedEvent recorded) {
    List<? extends Command> commands;
    try {
      commands = automation.react(event);
    } catch (RuntimeException e) {
      throw new IllegalStateException(automation.getClass().getSimpleName() + " failed on the event at "
          + recorded.location() + ": " + e.getMessage(), e);
    }
    if (commands == null) {
      throw new IllegalStateException(automation.getClass().getSimpleName() + " returned null for the event at "
          + recorded.location() + "; return an empty list to issue nothing");
    }
    return commands;
  }
}
