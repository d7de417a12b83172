package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.store.contract.Tallies.Tally;
import java.util.HashMap;
import java.util.Map;

/** The in-memory view store passes the same contract as the durable ones; one object per view name stands for its database. */
class InMemoryViewStoreContractTest extends ViewStoreContract {

  private final Map<String, InMemoryViewStore<String, Tally>> views = new HashMap<>();

  @Override
  protected EventStore newEventStore() {
    return new InMemoryEventStore();
  }

  @Override
  protected ViewStore<String, Tally> openView(String name, RowCodec<String, Tally> rows) {
    return views.computeIfAbsent(name, n -> new InMemoryViewStore<>());
  }
}
