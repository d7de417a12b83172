package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;

/** The counter decider, telling {@code onDecision} of each decision it makes. */
record CountingCounter(Runnable onDecision) implements Decider<Long, Count, Counted> {

  private static final Counter COUNTER = new Counter();

  @Override
  public Long initialState() {
    return COUNTER.initialState();
  }

  @Override
  public Decision<? extends Counted, ? extends Rejection> decide(Count command, Long total) {
    onDecision.run();
    return COUNTER.decide(command, total);
  }

  @Override
  public Long evolve(Long total, Counted event) {
    return COUNTER.evolve(total, event);
  }

  @Override
  public Class<Counted> eventType() {
    return Counted.class;
  }
}
