package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.snapshot.InMemorySnapshotStore;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;

class InMemorySnapshotStoreContractTest extends SnapshotStoreContract {

  private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();

  @Override
  protected EventStore newEventStore() {
    return new InMemoryEventStore();
  }

  @Override
  protected SnapshotStore openSnapshots() {
    return snapshots;
  }
}
