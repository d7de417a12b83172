package dev.eventsmith.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A process across aggregates and time (a process of the model; {@code Workflow} in Java to stay
 * clear of {@code java.lang.Process}): one instance per key, started by an event, with its own
 * state folded from the events it handles, issuing commands, scheduling and cancelling named
 * deadlines, compensating for a rejected command, until it ends. Generated per-process contracts
 * extend it with one typed method per event, deadline and rejection. Like deciders, it is pure:
 * time comes in as a parameter (when the event was recorded, when the deadline fired), never from
 * a clock inside.
 *
 * @param <S> the state of one instance
 */
public interface Workflow<S> {

  /** The key of the instance {@code event} belongs to; empty if the process does not handle it. */
  Optional<String> keyOf(Event event);

  /** Whether {@code event} starts an instance; an event of a key with no instance is ignored otherwise. */
  boolean starts(Event event);

  /** The state of a new instance of {@code key}, before its first event. */
  S initialState(String key);

  /** The state after {@code event}. */
  S evolve(S state, Event event);

  /** Whether the instance has ended in {@code state}: it handles nothing more, its deadlines are cancelled. */
  boolean ended(S state);

  /** What the instance does because of {@code event}, in {@code state} (the state after it), recorded at {@code now}. */
  Reaction react(S state, Event event, Instant now);

  /** What the instance does when its deadline {@code deadline} fires at {@code now}: commands only. */
  Reaction onDeadline(S state, String deadline, Instant now);

  /** What the instance does because {@code command}, which it issued, was rejected with {@code rejection}. */
  Reaction onRejected(S state, Command command, Rejection rejection);
}
