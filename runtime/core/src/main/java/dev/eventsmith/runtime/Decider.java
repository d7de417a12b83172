package dev.eventsmith.runtime;

/**
 * The pure functions of one aggregate: {@code decide(command, state) -> events or rejection} and
 * {@code evolve(state, event) -> state}. No I/O, clock or randomness inside: pass them in commands.
 *
 * <p>Generated per-aggregate contracts extend this interface with one {@code decide} method per
 * command and one {@code evolve} method per event, and implement these two by dispatching to them.
 *
 * @param <S> the state the hand-written code folds events into
 * @param <C> the aggregate's commands
 * @param <E> the aggregate's events
 */
public interface Decider<S, C extends Command, E extends Event> {

  /** The state of a stream with no events. */
  S initialState();

  /** Decides what {@code command} does to an aggregate in {@code state}. */
  Decision<? extends E, ? extends Rejection> decide(C command, S state);

  /** The state after {@code event}. */
  S evolve(S state, E event);

  /** The event type this decider folds, used to check what is read from a stream. */
  Class<E> eventType();
}
