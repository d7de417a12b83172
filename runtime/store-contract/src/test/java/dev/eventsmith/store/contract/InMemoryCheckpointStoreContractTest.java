package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;

class InMemoryCheckpointStoreContractTest extends CheckpointStoreContract {

  private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

  @Override
  protected EventStore newEventStore() {
    return new InMemoryEventStore();
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return checkpoints;
  }
}
