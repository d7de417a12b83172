package com.example.football;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Closes a match after full time, one instance per match: as soon as the referee confirms the
 * result, or, without a confirmation, when the deadline {@code close} falls due
 * {@link #CONFIRMATION_WINDOW} after the final whistle (the match is then closed as unconfirmed).
 */
public final class MatchClosing implements Workflow<MatchClosing.State> {

  static final Duration CONFIRMATION_WINDOW = Duration.ofHours(2);
  static final String CLOSE = "close";

  /** One match after its final whistle: whether it was closed. */
  public record State(UUID matchId, boolean closed) {}

  @Override
  public Optional<String> keyOf(Event event) {
    UUID key = null;
    if (event instanceof FullTimeWhistled e) {
      key = e.matchId();
    } else if (event instanceof ResultConfirmed e) {
      key = e.matchId();
    } else if (event instanceof MatchClosed e) {
      key = e.matchId();
    }
    return Optional.ofNullable(key).map(UUID::toString);
  }

  @Override
  public boolean starts(Event event) {
    return event instanceof FullTimeWhistled;
  }

  @Override
  public State initialState(String key) {
    return new State(UUID.fromString(key), false);
  }

  @Override
  public State evolve(State state, Event event) {
    return event instanceof MatchClosed ? new State(state.matchId(), true) : state;
  }

  @Override
  public boolean ended(State state) {
    return state.closed();
  }

  @Override
  public Reaction react(State state, Event event, Instant now) {
    if (event instanceof FullTimeWhistled) {
      return Reaction.none().andSchedule(CLOSE, CONFIRMATION_WINDOW);
    }
    if (event instanceof ResultConfirmed) {
      return Reaction.issue(new CloseMatch(state.matchId())).andCancel(CLOSE);
    }
    return Reaction.none();
  }

  @Override
  public Reaction onDeadline(State state, String deadline, Instant now) {
    return Reaction.issue(new CloseMatch(state.matchId()));
  }

  /** A match closed meanwhile (by hand) refuses to close again: nothing left to do. */
  @Override
  public Reaction onRejected(State state, Command command, Rejection rejection) {
    return Reaction.none();
  }
}
