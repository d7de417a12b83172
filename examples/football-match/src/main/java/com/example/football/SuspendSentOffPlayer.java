package com.example.football;

import java.util.List;

/** A player sent off misses matches: three after a straight red, one after a second yellow. */
public final class SuspendSentOffPlayer implements SuspendSentOffPlayerAutomation {

  @Override
  public List<Issues> react(PlayerSentOff event) {
    int matches = event.reason() == SendingOff.STRAIGHT_RED ? 3 : 1;
    return List.of(new SuspendPlayer(event.player(), event.matchId(), matches));
  }
}
