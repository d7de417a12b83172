package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;

class InMemoryProcessRunnerContractTest extends ProcessRunnerContract {

  private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
  private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();

  @Override
  protected EventStore newEventStore() {
    return new InMemoryEventStore();
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return checkpoints;
  }

  @Override
  protected DeadlineStore openDeadlines() {
    return deadlines;
  }
}
