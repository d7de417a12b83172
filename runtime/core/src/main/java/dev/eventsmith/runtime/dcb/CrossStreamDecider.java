package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import java.util.Set;

/**
 * The pure functions of a decision across streams: the events a command depends on (a query over
 * types and tags, built from the command's fields), how they fold into a state, what the command
 * decides on it, and the tags of each event it emits. No I/O inside, as for a
 * {@link dev.eventsmith.runtime.Decider}.
 *
 * @param <S> the state folded from the matching events
 * @param <C> the commands decided this way
 * @param <E> the events they emit
 */
public interface CrossStreamDecider<S, C extends Command, E extends Event> {

  /** The events {@code command} depends on. */
  EventQuery query(C command);

  /** The state before any matching event; it may hold what of {@code command} the fold needs. */
  S initialState(C command);

  /** The state after {@code event}, one of the events matching the query (of any type it names). */
  S evolve(S state, Event event);

  /** Decides what {@code command} does, given the matching events folded into {@code state}. */
  Decision<? extends E, ? extends Rejection> decide(C command, S state);

  /** The tags an emitted event is stored with. */
  Set<String> tagsOf(E event);
}
