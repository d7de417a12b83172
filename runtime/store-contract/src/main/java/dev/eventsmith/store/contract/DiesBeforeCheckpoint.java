package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import java.util.Optional;

/** A runner's stores as they are when it dies: what it recorded stays, its checkpoint never moves. */
record DiesBeforeCheckpoint(CheckpointStore store) implements CheckpointStore, IssuedCommands {
  @Override
  public Checkpoint read(String name) {
    return store.read(name);
  }

  @Override
  public Checkpoint advance(String name, Checkpoint expected, long position) {
    throw new IllegalStateException("killed before the checkpoint moved to " + position);
  }

  @Override
  public Optional<Outcome> outcome(String commandId) {
    return ((IssuedCommands) store).outcome(commandId);
  }

  @Override
  public Outcome record(String commandId, Outcome outcome) {
    return ((IssuedCommands) store).record(commandId, outcome);
  }
}
