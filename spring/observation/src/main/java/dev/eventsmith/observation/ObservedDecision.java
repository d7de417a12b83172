package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.runtime.dcb.EventQuery;
import java.util.Objects;
import java.util.Set;

/**
 * A decision across streams whose decisions an observer sees, as {@link ObservedDecider} shows an
 * aggregate's; the query, folding and tags are the wrapped decision's.
 */
public final class ObservedDecision<S, C extends Command, E extends Event> implements CrossStreamDecider<S, C, E> {

  private final String aggregate;
  private final CrossStreamDecider<S, C, E> decision;
  private final RuntimeObserver observer;

  /** @param aggregate the aggregate whose stream the decision's events go to, as observers name it */
  public ObservedDecision(String aggregate, CrossStreamDecider<S, C, E> decision, RuntimeObserver observer) {
    this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
    this.decision = Objects.requireNonNull(decision, "decision");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public EventQuery query(C command) {
    return decision.query(command);
  }

  @Override
  public S initialState(C command) {
    return decision.initialState(command);
  }

  @Override
  public S evolve(S state, Event event) {
    return decision.evolve(state, event);
  }

  @Override
  public Decision<? extends E, ? extends Rejection> decide(C command, S state) {
    return observer.decide(aggregate, command, () -> decision.decide(command, state));
  }

  @Override
  public Set<String> tagsOf(E event) {
    return decision.tagsOf(event);
  }

  @Override
  public String toString() {
    return decision.getClass().getName();
  }
}
