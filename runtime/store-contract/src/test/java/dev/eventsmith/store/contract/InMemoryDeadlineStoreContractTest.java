package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;

class InMemoryDeadlineStoreContractTest extends DeadlineStoreContract {

  private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();

  @Override
  protected DeadlineStore openDeadlines() {
    return deadlines;
  }
}
