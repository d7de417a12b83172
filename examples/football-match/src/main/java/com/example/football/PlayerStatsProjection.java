package com.example.football;

/** Keeps one row per player across all matches: goals, cards, and how often they came on as a substitute. */
public final class PlayerStatsProjection implements PlayerStatsProjector {

  @Override
  public PlayerStats initial(Player player) {
    return new PlayerStats(player, "", 0, 0, 0, 0);
  }

  @Override
  public PlayerStats project(PlayerStats row, GoalScored event) {
    return new PlayerStats(row.player(), event.club(), row.goals() + 1, row.yellowCards(), row.redCards(),
        row.cameOn());
  }

  @Override
  public PlayerStats project(PlayerStats row, YellowCardShown event) {
    return new PlayerStats(row.player(), event.club(), row.goals(), row.yellowCards() + 1, row.redCards(),
        row.cameOn());
  }

  @Override
  public PlayerStats project(PlayerStats row, PlayerSentOff event) {
    return new PlayerStats(row.player(), event.club(), row.goals(), row.yellowCards(), row.redCards() + 1,
        row.cameOn());
  }

  /** Called for the row of the player who came on (keyFrom: playerOn). */
  @Override
  public PlayerStats project(PlayerStats row, PlayerSubstituted event) {
    return new PlayerStats(row.player(), event.club(), row.goals(), row.yellowCards(), row.redCards(),
        row.cameOn() + 1);
  }
}
