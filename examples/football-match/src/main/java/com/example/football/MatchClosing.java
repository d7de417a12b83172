package com.example.football;

import dev.eventsmith.runtime.Reaction;
import java.time.Instant;
import java.util.UUID;

/**
 * Closes a match after full time, one instance per match: as soon as the referee confirms the
 * result, or, without a confirmation, when the deadline {@code close} falls due two hours after
 * the final whistle (the match is then closed as unconfirmed). A match closed by hand meanwhile
 * ends the instance and its deadline.
 */
public final class MatchClosing implements MatchClosingProcess {

  @Override
  public MatchClosingState initial(UUID matchId) {
    return new MatchClosingState(matchId);
  }

  @Override
  public MatchClosingState evolve(MatchClosingState state, FullTimeWhistled event) {
    return state;
  }

  @Override
  public Reaction react(MatchClosingState state, FullTimeWhistled event, Instant now) {
    return Reaction.none().andSchedule(CLOSE, CLOSE_AFTER);
  }

  @Override
  public MatchClosingState evolve(MatchClosingState state, ResultConfirmed event) {
    return state;
  }

  @Override
  public Reaction react(MatchClosingState state, ResultConfirmed event, Instant now) {
    return Reaction.issue(new CloseMatch(state.matchId())).andCancel(CLOSE);
  }

  @Override
  public MatchClosingState evolve(MatchClosingState state, MatchClosed event) {
    return state;
  }

  @Override
  public Reaction react(MatchClosingState state, MatchClosed event, Instant now) {
    return Reaction.none();
  }

  @Override
  public Reaction onClose(MatchClosingState state, Instant now) {
    return Reaction.issue(new CloseMatch(state.matchId()));
  }
}
