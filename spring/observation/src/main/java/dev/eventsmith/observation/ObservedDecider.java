package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import java.util.Objects;

/**
 * A decider whose decisions an observer sees (to time them, or trace them as spans); folding and
 * everything else are the wrapped decider's.
 */
public final class ObservedDecider<S, C extends Command, E extends Event> implements Decider<S, C, E> {

  private final String aggregate;
  private final Decider<S, C, E> decider;
  private final RuntimeObserver observer;

  public ObservedDecider(String aggregate, Decider<S, C, E> decider, RuntimeObserver observer) {
    this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
    this.decider = Objects.requireNonNull(decider, "decider");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public S initialState() {
    return decider.initialState();
  }

  @Override
  public Decision<? extends E, ? extends Rejection> decide(C command, S state) {
    return observer.decide(aggregate, command, () -> decider.decide(command, state));
  }

  @Override
  public S evolve(S state, E event) {
    return decider.evolve(state, event);
  }

  @Override
  public Class<E> eventType() {
    return decider.eventType();
  }

  @Override
  public String toString() {
    return decider.getClass().getName();
  }
}
