package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;

/** The in-memory store passes the same contract as the durable ones. */
class InMemoryEventStoreContractTest extends EventStoreContract {

  @Override
  protected EventStore newStore() {
    return new InMemoryEventStore();
  }
}
