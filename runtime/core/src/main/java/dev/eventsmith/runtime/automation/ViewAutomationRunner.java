package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows the global log, keeps the rows of one view in memory with its projector, and hands
 * every row an event changed to a view automation, dispatching the commands it issues. The rows
 * are rebuilt from the start of the log; reactions happen only after the checkpoint. Like
 * {@link AutomationRunner}, delivery is at least once: make the issued commands idempotent.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class ViewAutomationRunner<K, V> {

  private static final int PAGE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final ViewAutomation<V> automation;
  private final CommandBus bus;
  private final Map<K, V> rows = new HashMap<>();
  private long read;
  private long checkpoint;

  public ViewAutomationRunner(
      EventStore store, EventCodec codec, Projector<K, V> projector, ViewAutomation<V> automation, CommandBus bus) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.automation = Objects.requireNonNull(automation, "automation");
    this.bus = Objects.requireNonNull(bus, "bus");
  }

  /** Reacts only to changes made by events after {@code position}, e.g. a checkpoint saved by the caller. */
  public ViewAutomationRunner<K, V> startingAfter(long position) {
    if (position < 0) {
      throw new IllegalArgumentException("a global position is never negative: " + position);
    }
    if (read > 0) {
      throw new IllegalStateException("set the starting position before the first catchUp()");
    }
    this.checkpoint = position;
    return this;
  }

  /** The global position of the last event handled. */
  public long checkpoint() {
    return checkpoint;
  }

  /** Handles every event recorded since the last call; returns the number of commands issued. */
  public int catchUp() {
    int issued = 0;
    while (true) {
      List<RecordedEvent> page = store.readAll(read, PAGE);
      if (page.isEmpty()) {
        return issued;
      }
      for (RecordedEvent recorded : page) {
        if (codec.types().contains(recorded.type())) {
          issued += apply(codec.decode(recorded), recorded);
        }
        read = recorded.globalPosition();
        checkpoint = Math.max(checkpoint, read);
      }
    }
  }

  private int apply(Event event, RecordedEvent recorded) {
    Optional<K> key = projector.keyOf(event);
    if (key.isEmpty()) {
      return 0;
    }
    V before = rows.get(key.get());
    V after;
    try {
      after = projector.project(before == null ? projector.initial(key.get()) : before, event);
    } catch (RuntimeException e) {
      throw new IllegalStateException(projector.getClass().getSimpleName() + " failed on the event at "
          + recorded.location() + ": " + e.getMessage(), e);
    }
    rows.put(key.get(), after);
    if (recorded.globalPosition() <= checkpoint || Objects.equals(before, after)) {
      return 0;
    }
    List<? extends Command> commands;
    try {
      commands = automation.react(after);
    } catch (RuntimeException e) {
      throw new IllegalStateException(automation.getClass().getSimpleName() + " failed on the row changed by the"
          + " event at " + recorded.location() + ": " + e.getMessage(), e);
    }
    if (commands == null) {
      throw new IllegalStateException(automation.getClass().getSimpleName()
          + " returned null; return an empty list to issue nothing");
    }
    commands.forEach(bus::dispatch);
    return commands.size();
  }
}
