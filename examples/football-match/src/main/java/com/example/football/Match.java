package com.example.football;

import dev.eventsmith.runtime.Decision;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A match's rules: the ball is in play only between kick-off and half time and between the second
 * half's start and full time; a second yellow is a red; a player sent off or substituted leaves
 * the pitch for good; a club makes at most five substitutions.
 */
public final class Match implements MatchDecider<Match.State> {

  static final int MAX_SUBSTITUTIONS = 5;

  /**
   * What the rules need to know about one match; {@code phase} is empty before it was scheduled.
   * {@code off} holds every player who left the pitch for good (sent off or substituted),
   * {@code cautioned} every player with a yellow card.
   */
  public record State(Optional<MatchPhase> phase, String homeClub, String awayClub, int homeGoals, int awayGoals,
      boolean confirmed, Set<Player> cautioned, Set<Player> off,
      Map<String, Integer> substitutions) {

    public State {
      cautioned = Set.copyOf(cautioned);
      off = Set.copyOf(off);
      substitutions = Map.copyOf(substitutions);
    }

    boolean inPlay() {
      return phase.filter(p -> p == MatchPhase.FIRST_HALF || p == MatchPhase.SECOND_HALF).isPresent();
    }

    boolean plays(String club) {
      return club.equals(homeClub) || club.equals(awayClub);
    }

    State in(MatchPhase next) {
      return new State(Optional.of(next), homeClub, awayClub, homeGoals, awayGoals, confirmed, cautioned, off,
          substitutions);
    }
  }

  /**
   * Why a command that needs {@code player} of {@code club} on the pitch with the ball in play is
   * refused, if it is. The four rejections are shared by the commands of play, and a command's
   * {@code Rejects} permits each of them; the model gives them no common type below
   * {@link MatchRejection}, hence the unchecked cast (a wrong one fails at the caller).
   */
  @SuppressWarnings("unchecked")
  private static <R> Optional<R> notInPlay(State state, String club, Player player) {
    MatchRejection refused = null;
    if (state.phase().isEmpty()) {
      refused = new MatchNotFound();
    } else if (!state.inPlay()) {
      refused = new MatchNotInPlay(state.phase().get());
    } else if (!state.plays(club)) {
      refused = new UnknownClub(club);
    } else if (state.off().contains(player)) {
      refused = new PlayerNotOnPitch(player);
    }
    return Optional.ofNullable((R) refused);
  }

  @Override
  public State initialState() {
    return new State(Optional.empty(), "", "", 0, 0, false, Set.of(), Set.of(), Map.of());
  }

  @Override
  public Decision<ScheduleMatch.Emits, ScheduleMatch.Rejects> decide(ScheduleMatch command, State state) {
    if (state.phase().isPresent()) {
      return Decision.reject(new MatchAlreadyScheduled());
    }
    if (command.homeClub().equals(command.awayClub())) {
      return Decision.reject(new ClubPlaysItself());
    }
    return Decision.accept(new MatchScheduled(command.matchId(), command.homeClub(), command.awayClub()));
  }

  @Override
  public Decision<KickOff.Emits, KickOff.Rejects> decide(KickOff command, State state) {
    return phaseChange(state, MatchPhase.SCHEDULED, new MatchKickedOff(command.matchId()));
  }

  @Override
  public Decision<ScoreGoal.Emits, ScoreGoal.Rejects> decide(ScoreGoal command, State state) {
    Optional<ScoreGoal.Rejects> refused = notInPlay(state, command.club(), command.player());
    if (refused.isPresent()) {
      return Decision.reject(refused.get());
    }
    return Decision.accept(new GoalScored(command.matchId(), command.club(), command.player(), command.minute()));
  }

  @Override
  public Decision<ShowYellowCard.Emits, ShowYellowCard.Rejects> decide(ShowYellowCard command, State state) {
    Optional<ShowYellowCard.Rejects> refused = notInPlay(state, command.club(), command.player());
    if (refused.isPresent()) {
      return Decision.reject(refused.get());
    }
    YellowCardShown yellow =
        new YellowCardShown(command.matchId(), command.club(), command.player(), command.minute());
    if (state.cautioned().contains(command.player())) {
      return Decision.accept(yellow, new PlayerSentOff(command.matchId(), command.club(), command.player(),
          command.minute(), SendingOff.SECOND_YELLOW));
    }
    return Decision.accept(yellow);
  }

  @Override
  public Decision<ShowRedCard.Emits, ShowRedCard.Rejects> decide(ShowRedCard command, State state) {
    Optional<ShowRedCard.Rejects> refused = notInPlay(state, command.club(), command.player());
    if (refused.isPresent()) {
      return Decision.reject(refused.get());
    }
    return Decision.accept(new PlayerSentOff(command.matchId(), command.club(), command.player(), command.minute(),
        SendingOff.STRAIGHT_RED));
  }

  @Override
  public Decision<SubstitutePlayer.Emits, SubstitutePlayer.Rejects> decide(SubstitutePlayer command, State state) {
    Optional<SubstitutePlayer.Rejects> refused = notInPlay(state, command.club(), command.playerOff());
    if (refused.isPresent()) {
      return Decision.reject(refused.get());
    }
    if (state.off().contains(command.playerOn())) {
      return Decision.reject(new PlayerCannotReturn(command.playerOn()));
    }
    if (state.substitutions().getOrDefault(command.club(), 0) >= MAX_SUBSTITUTIONS) {
      return Decision.reject(new TooManySubstitutions(MAX_SUBSTITUTIONS));
    }
    return Decision.accept(new PlayerSubstituted(command.matchId(), command.club(), command.playerOff(),
        command.playerOn(), command.minute()));
  }

  @Override
  public Decision<WhistleHalfTime.Emits, WhistleHalfTime.Rejects> decide(WhistleHalfTime command, State state) {
    return phaseChange(state, MatchPhase.FIRST_HALF, new HalfTimeWhistled(command.matchId()));
  }

  @Override
  public Decision<StartSecondHalf.Emits, StartSecondHalf.Rejects> decide(StartSecondHalf command, State state) {
    return phaseChange(state, MatchPhase.HALF_TIME, new SecondHalfStarted(command.matchId()));
  }

  @Override
  public Decision<WhistleFullTime.Emits, WhistleFullTime.Rejects> decide(WhistleFullTime command, State state) {
    return phaseChange(state, MatchPhase.SECOND_HALF,
        new FullTimeWhistled(command.matchId(), state.homeGoals(), state.awayGoals()));
  }

  /** A result is confirmed once, after full time. */
  @Override
  public Decision<ConfirmResult.Emits, ConfirmResult.Rejects> decide(ConfirmResult command, State state) {
    if (state.confirmed()) {
      return Decision.reject(new ResultAlreadyConfirmed());
    }
    return phaseChange(state, MatchPhase.FULL_TIME, new ResultConfirmed(command.matchId()));
  }

  @Override
  public Decision<CloseMatch.Emits, CloseMatch.Rejects> decide(CloseMatch command, State state) {
    return phaseChange(state, MatchPhase.FULL_TIME,
        new MatchClosed(command.matchId(), state.homeGoals(), state.awayGoals(), state.confirmed()));
  }

  /**
   * Accepts {@code event} only in phase {@code from}. The rejections are the same two for every
   * phase change, so one unchecked cast serves all of them: each command's Rejects permits both.
   */
  @SuppressWarnings("unchecked")
  private static <E, R> Decision<E, R> phaseChange(State state, MatchPhase from, E event) {
    if (state.phase().isEmpty()) {
      return Decision.reject((R) new MatchNotFound());
    }
    if (state.phase().get() != from) {
      return Decision.reject((R) new WrongPhase(state.phase().get()));
    }
    return Decision.accept(event);
  }

  @Override
  public State evolve(State state, MatchScheduled event) {
    return new State(Optional.of(MatchPhase.SCHEDULED), event.homeClub(), event.awayClub(), 0, 0, false, Set.of(),
        Set.of(), Map.of());
  }

  @Override
  public State evolve(State state, MatchKickedOff event) {
    return state.in(MatchPhase.FIRST_HALF);
  }

  @Override
  public State evolve(State state, GoalScored event) {
    boolean home = event.club().equals(state.homeClub());
    return new State(state.phase(), state.homeClub(), state.awayClub(), state.homeGoals() + (home ? 1 : 0),
        state.awayGoals() + (home ? 0 : 1), state.confirmed(), state.cautioned(), state.off(),
        state.substitutions());
  }

  @Override
  public State evolve(State state, YellowCardShown event) {
    Set<Player> cautioned = new HashSet<>(state.cautioned());
    cautioned.add(event.player());
    return new State(state.phase(), state.homeClub(), state.awayClub(), state.homeGoals(), state.awayGoals(),
        state.confirmed(), cautioned, state.off(), state.substitutions());
  }

  @Override
  public State evolve(State state, PlayerSentOff event) {
    Set<Player> off = new HashSet<>(state.off());
    off.add(event.player());
    return new State(state.phase(), state.homeClub(), state.awayClub(), state.homeGoals(), state.awayGoals(),
        state.confirmed(), state.cautioned(), off, state.substitutions());
  }

  @Override
  public State evolve(State state, PlayerSubstituted event) {
    Set<Player> off = new HashSet<>(state.off());
    off.add(event.playerOff());
    Map<String, Integer> substitutions = new HashMap<>(state.substitutions());
    substitutions.merge(event.club(), 1, Integer::sum);
    return new State(state.phase(), state.homeClub(), state.awayClub(), state.homeGoals(), state.awayGoals(),
        state.confirmed(), state.cautioned(), off, substitutions);
  }

  @Override
  public State evolve(State state, HalfTimeWhistled event) {
    return state.in(MatchPhase.HALF_TIME);
  }

  @Override
  public State evolve(State state, SecondHalfStarted event) {
    return state.in(MatchPhase.SECOND_HALF);
  }

  /** The score at the whistle is the score of record: the match is closed with it. */
  @Override
  public State evolve(State state, FullTimeWhistled event) {
    return new State(Optional.of(MatchPhase.FULL_TIME), state.homeClub(), state.awayClub(), event.homeGoals(),
        event.awayGoals(), state.confirmed(), state.cautioned(), state.off(), state.substitutions());
  }

  @Override
  public State evolve(State state, ResultConfirmed event) {
    return new State(state.phase(), state.homeClub(), state.awayClub(), state.homeGoals(), state.awayGoals(), true,
        state.cautioned(), state.off(), state.substitutions());
  }

  @Override
  public State evolve(State state, MatchClosed event) {
    return state.in(MatchPhase.CLOSED);
  }
}
