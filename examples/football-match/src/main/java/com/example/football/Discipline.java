package com.example.football;

import dev.eventsmith.runtime.Decision;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A player's suspensions: one per sending-off, so a repeated request for the same match changes nothing. */
public final class Discipline implements DisciplineDecider<Set<UUID>> {

  /** The state is the matches whose sending-off already suspended the player. */
  @Override
  public Set<UUID> initialState() {
    return Set.of();
  }

  @Override
  public Decision<SuspendPlayer.Emits, SuspendPlayer.Rejects> decide(SuspendPlayer command, Set<UUID> suspendedFor) {
    if (suspendedFor.contains(command.matchId())) {
      return Decision.reject(new AlreadySuspendedForMatch());
    }
    return Decision.accept(new PlayerSuspended(command.player(), command.matchId(), command.matches()));
  }

  @Override
  public Set<UUID> evolve(Set<UUID> suspendedFor, PlayerSuspended event) {
    Set<UUID> more = new HashSet<>(suspendedFor);
    more.add(event.matchId());
    return Set.copyOf(more);
  }
}
