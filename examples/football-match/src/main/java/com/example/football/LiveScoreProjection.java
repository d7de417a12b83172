package com.example.football;

import java.util.UUID;

/** Keeps one row per match: the clubs, the score as it falls, and the phase of play. */
public final class LiveScoreProjection implements LiveScoreProjector {

  @Override
  public LiveScore initial(UUID matchId) {
    return new LiveScore(matchId, "", "", 0, 0, MatchPhase.SCHEDULED);
  }

  @Override
  public LiveScore project(LiveScore view, MatchScheduled event) {
    return new LiveScore(event.matchId(), event.homeClub(), event.awayClub(), 0, 0, MatchPhase.SCHEDULED);
  }

  @Override
  public LiveScore project(LiveScore view, MatchKickedOff event) {
    return in(view, MatchPhase.FIRST_HALF);
  }

  @Override
  public LiveScore project(LiveScore view, GoalScored event) {
    boolean home = event.club().equals(view.homeClub());
    return new LiveScore(view.matchId(), view.homeClub(), view.awayClub(), view.homeGoals() + (home ? 1 : 0),
        view.awayGoals() + (home ? 0 : 1), view.phase());
  }

  @Override
  public LiveScore project(LiveScore view, HalfTimeWhistled event) {
    return in(view, MatchPhase.HALF_TIME);
  }

  @Override
  public LiveScore project(LiveScore view, SecondHalfStarted event) {
    return in(view, MatchPhase.SECOND_HALF);
  }

  @Override
  public LiveScore project(LiveScore view, FullTimeWhistled event) {
    return in(view, MatchPhase.FULL_TIME);
  }

  @Override
  public LiveScore project(LiveScore view, MatchClosed event) {
    return in(view, MatchPhase.CLOSED);
  }

  private static LiveScore in(LiveScore view, MatchPhase phase) {
    return new LiveScore(view.matchId(), view.homeClub(), view.awayClub(), view.homeGoals(), view.awayGoals(), phase);
  }
}
