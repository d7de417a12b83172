package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.store.EventStore;

/** The in-memory tagged store passes the same contract as the durable ones. */
class InMemoryTaggedEventStoreContractTest extends TaggedEventStoreContract {

  @Override
  protected EventStore newStore() {
    return new InMemoryTaggedEventStore();
  }
}
