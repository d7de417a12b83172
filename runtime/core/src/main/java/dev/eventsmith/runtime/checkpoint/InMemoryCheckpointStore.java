package dev.eventsmith.runtime.checkpoint;

import dev.eventsmith.runtime.store.StoredText;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints and issued commands held in memory: for tests, and for runners whose event store is
 * in memory too.
 */
public final class InMemoryCheckpointStore implements CheckpointStore, IssuedCommands {

  private final Map<String, Checkpoint> checkpoints = new HashMap<>();
  private final Map<String, Outcome> outcomes = new HashMap<>();

  @Override
  public synchronized Checkpoint read(String name) {
    return checkpoints.getOrDefault(StoredText.check(name, "a checkpoint name"), Checkpoint.START);
  }

  @Override
  public synchronized Checkpoint advance(String name, Checkpoint expected, long position) {
    StoredText.check(name, "a checkpoint name");
    Objects.requireNonNull(expected, "expected");
    Checkpoint next = expected.advancedTo(position);
    Checkpoint actual = checkpoints.getOrDefault(name, Checkpoint.START);
    if (!actual.equals(expected)) {
      throw new CheckpointConflictException("the checkpoint " + name, expected, actual);
    }
    checkpoints.put(name, next);
    return next;
  }

  @Override
  public synchronized Optional<Outcome> outcome(String commandId) {
    return Optional.ofNullable(outcomes.get(Objects.requireNonNull(commandId, "commandId")));
  }

  @Override
  public synchronized Outcome record(String commandId, Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    return outcomes.computeIfAbsent(Objects.requireNonNull(commandId, "commandId"), id -> outcome);
  }
}
