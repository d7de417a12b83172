package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Follows the global log, keeps the rows of one view in memory with its projector, and hands
 * every row an event changed to a view automation, dispatching the commands it issues. The rows
 * are rebuilt from the start of the log; reactions happen only after the checkpoint, which lives
 * in a {@link CheckpointStore} as {@link AutomationRunner}'s does, and the issued commands carry
 * command ids, correlation and causation ids, and have their outcomes recorded in the same way, so
 * each is recorded once. Unknown event types stop it unless named
 * in {@link #skippingTypes}. Not thread-safe: give each thread its own runner.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class ViewAutomationRunner<K, V> {

  private final EventStore store;
  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final ViewAutomation<V> automation;
  private final CommandBus bus;
  private final RunnerCheckpoint checkpoint;
  private final EventTypes types;
  private final Map<K, V> rows = new HashMap<>();
  private long read;

  public ViewAutomationRunner(
      EventStore store, EventCodec codec, Projector<K, V> projector, ViewAutomation<V> automation, CommandBus bus) {
    this(store, codec, projector, Objects.requireNonNull(automation, "automation"), bus,
        new RunnerCheckpoint(new InMemoryCheckpointStore(), automation.getClass().getName(), 0),
        new EventTypes(codec, "the view automation " + automation.getClass().getName(),
            "ViewAutomationRunner.skippingTypes(...)"));
  }

  private ViewAutomationRunner(EventStore store, EventCodec codec, Projector<K, V> projector,
      ViewAutomation<V> automation, CommandBus bus, RunnerCheckpoint checkpoint, EventTypes types) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.automation = automation;
    this.bus = Objects.requireNonNull(bus, "bus");
    this.checkpoint = checkpoint;
    this.types = types;
  }

  /** A runner whose checkpoint is {@code name}'s in {@code checkpoints}; see {@link AutomationRunner#withCheckpoints}. */
  public ViewAutomationRunner<K, V> withCheckpoints(CheckpointStore checkpoints, String name) {
    return new ViewAutomationRunner<>(store, codec, projector, automation, bus, checkpoint.in(checkpoints, name), types);
  }

  /** A runner that reacts only to changes made by events after {@code position}, unless its checkpoint is further on. */
  public ViewAutomationRunner<K, V> startingAfter(long position) {
    return new ViewAutomationRunner<>(store, codec, projector, automation, bus, checkpoint.startingAfter(position),
        types);
  }

  /** A runner that skips events of the stored types {@code types}; see {@link AutomationRunner#skippingTypes}. */
  public ViewAutomationRunner<K, V> skippingTypes(Collection<String> types) {
    return new ViewAutomationRunner<>(store, codec, projector, automation, bus, checkpoint, this.types.skipping(types));
  }

  /** The global position of the last event handled, as stored. */
  public long checkpoint() {
    return checkpoint.read().position();
  }

  /** Handles every event recorded since the last call; returns the number of commands dispatched. */
  public int catchUp() {
    int[] issued = {0};
    checkpoint.follow(store, read, false, (recorded, pastCheckpoint) -> {
      if (types.shouldRead(recorded)) {
        issued[0] += apply(codec.decode(recorded), recorded, pastCheckpoint);
      }
      // Only now: an event whose handling failed is read again, into the rows as they were before it.
      read = recorded.globalPosition();
    });
    return issued[0];
  }

  private int apply(Event event, RecordedEvent recorded, boolean pastCheckpoint) {
    List<K> keys = call(projector, "keysOf", recorded, () -> projector.keysOf(event));
    int issued = 0;
    int index = 0;
    for (K key : keys) {
      V before = rows.get(key);
      V start = before != null ? before : call(projector, "initial", recorded, () -> projector.initial(key));
      V after = call(projector, "project", recorded, () -> projector.project(start, event));
      if (pastCheckpoint && !Objects.equals(before, after)) {
        List<? extends Command> commands = call(automation, "react", recorded, () -> automation.react(after));
        for (Command command : commands) {
          // One event may change several rows: number the commands across all of them, so ids stay unique.
          if (checkpoint.issue(bus, command, recorded, index++)) {
            issued++;
          }
        }
      }
      rows.put(key, after);
    }
    return issued;
  }

  /** Calls hand-written code, turning a failure or a null into an error that names the event. */
  static <T> T call(Object code, String method, RecordedEvent recorded, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(code.getClass().getName() + "." + method + " failed on the " + recorded.type()
          + " event at " + recorded.location() + ": " + e, e);
    }
    if (result == null) {
      throw new IllegalStateException(code.getClass().getName() + "." + method + " returned null for the "
          + recorded.type() + " event at " + recorded.location() + "; return an empty value instead");
    }
    return result;
  }
}
