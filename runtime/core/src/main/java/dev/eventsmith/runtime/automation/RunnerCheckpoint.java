package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoredText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An automation runner's place in the log: a named checkpoint in a checkpoint store, moved by
 * compare-and-set after each page, the command ids that make its commands' repeats harmless, and
 * (when the checkpoint store keeps them) the outcomes of the commands it issued, so that a command
 * whose outcome is recorded is not dispatched again.
 */
final class RunnerCheckpoint {

  private static final int PAGE = 500;

  private final CheckpointStore store;
  private final String kind;
  private final String name;
  private final String key;
  private final long startAfter;
  private final IssuedCommands issued; // null: the checkpoint store keeps no outcomes

  RunnerCheckpoint(CheckpointStore store, String name, long startAfter) {
    this(store, "automation", name, startAfter);
  }

  /** @param kind what runs: "automation" or "process", the first part of the checkpoint's name */
  RunnerCheckpoint(CheckpointStore store, String kind, String name, long startAfter) {
    this.kind = kind;
    this.store = Objects.requireNonNull(store, "checkpoints");
    this.issued = store instanceof IssuedCommands outcomes ? outcomes : null;
    this.name = Objects.requireNonNull(name, "name");
    this.key = StoredText.check(kind + ":" + name, "a runner's checkpoint name");
    if (startAfter < 0) {
      throw new IllegalArgumentException("a global position is never negative: " + startAfter);
    }
    this.startAfter = startAfter;
  }

  RunnerCheckpoint in(CheckpointStore store, String name) {
    return new RunnerCheckpoint(store, kind, name, startAfter);
  }

  RunnerCheckpoint startingAfter(long position) {
    return new RunnerCheckpoint(store, kind, name, position);
  }

  Checkpoint read() {
    return store.read(key);
  }

  /**
   * Dispatches {@code command}, the {@code index}-th issued for {@code recorded}, with its command
   * id, correlation id and causation id ({@link Causation}), unless its outcome is recorded
   * already; then records its outcome. Answers whether it was dispatched.
   */
  boolean issue(CommandBus bus, Command command, RecordedEvent recorded, int index) {
    String commandId = AutomationRunner.commandId(name, recorded, index);
    return issue(bus, command, Causation.of(recorded, commandId), rejected -> {});
  }

  /**
   * Dispatches {@code command} with {@code metadata} (holding its command id) unless its outcome
   * is recorded already; hands a rejection to {@code onRejected} (whose own commands have ids of
   * their own), then records the outcome. Answers whether it was dispatched.
   */
  boolean issue(CommandBus bus, Command command, Map<String, String> metadata,
      Consumer<CommandResult.Rejected> onRejected) {
    if (issued != null) {
      return issued.dispatchOnce(bus, command, metadata, onRejected);
    }
    if (bus.dispatch(command, metadata) instanceof CommandResult.Rejected rejected) {
      onRejected.accept(rejected);
    }
    return true;
  }

  /** What a runner does with each event it reads. */
  interface Handler {
    /** @param pastCheckpoint whether the event is after the checkpoint, i.e. not handled before */
    void handle(RecordedEvent recorded, boolean pastCheckpoint);
  }

  /**
   * Reads the log after {@code read} until it is exhausted, hands every event to {@code handler},
   * and moves the checkpoint past each page handled (or up to the event a failure stopped at).
   *
   * @param jumpToCheckpoint whether reading may skip ahead to the checkpoint (false for a runner
   *     that must see every event, like one that rebuilds a view's rows)
   */
  void follow(EventStore events, long read, boolean jumpToCheckpoint, Handler handler) {
    Checkpoint at = start();
    while (true) {
      if (jumpToCheckpoint) {
        read = Math.max(read, at.position());
      }
      List<RecordedEvent> page = events.readAll(read, PAGE);
      if (page.isEmpty()) {
        return;
      }
      long handled = read;
      try {
        for (RecordedEvent recorded : page) {
          handler.handle(recorded, recorded.globalPosition() > at.position());
          handled = recorded.globalPosition();
        }
      } catch (RuntimeException | Error e) {
        // What was handled before the failure stays handled: the restart begins at the failed event.
        moveQuietly(at, handled, e);
        throw e;
      }
      read = handled;
      at = move(at, handled);
    }
  }

  private Checkpoint start() {
    Checkpoint at = read();
    if (at.equals(Checkpoint.START) && startAfter > 0) {
      return move(at, startAfter);
    }
    return at;
  }

  private Checkpoint move(Checkpoint at, long position) {
    if (position <= at.position()) {
      return at;
    }
    try {
      return store.advance(key, at, position);
    } catch (CheckpointConflictException conflict) {
      // Another runner of this automation moved it: its commands and ours are the same ones, recorded once.
      return read();
    }
  }

  private void moveQuietly(Checkpoint at, long position, Throwable failure) {
    try {
      move(at, position);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
