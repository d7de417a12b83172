package com.example.football;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ProcessInstance;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Plays a match day on one SQLite file (the path given as the first argument, or
 * {@code football-match.db}; an existing file is replaced): one match with goals, cards and
 * substitutions, and commands the rules refuse; its result confirmed, so the match closes; another
 * match never confirmed, closed by the deadline. Then it prints the events and the views.
 */
public final class FootballApp {

  static final UUID DERBY = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
  static final UUID CUP_TIE = UUID.fromString("00000000-0000-4000-8000-0000000000d2");

  private FootballApp() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "football-match.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    System.out.println("Event store: SQLite file " + file.toAbsolutePath() + "\n");
    try (EventStore store = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file);
        SqliteViewStore<UUID, LiveScore> scores = SqliteViewStore.open(file, "live_score", LiveScoreRowCodec.INSTANCE);
        SqliteViewStore<Player, PlayerStats> stats =
            SqliteViewStore.open(file, "player_stats", PlayerStatsRowCodec.INSTANCE)) {
      run(store, checkpoints, deadlines, scores, stats, Clock.systemUTC());
    }
  }

  /**
   * The match day on {@code store}. The deadline runner reads {@code clock} moved on by three
   * hours: the scenario does not wait for the unconfirmed match's deadline.
   */
  static void run(EventStore store, CheckpointStore checkpoints, DeadlineStore deadlines,
      ViewStore<UUID, LiveScore> scores, ViewStore<Player, PlayerStats> stats, Clock clock) {
    CommandBus commands = new CommandBus()
        .register(MatchCommand.class, new CommandHandler<>(store, FootballCodec.INSTANCE, new Match()))
        .register(DisciplineCommand.class, new CommandHandler<>(store, FootballCodec.INSTANCE, new Discipline()));
    AutomationRunner suspensions =
        new AutomationRunner(store, FootballCodec.INSTANCE, new SuspendSentOffPlayer(), commands)
            .withCheckpoints(checkpoints, "suspend-sent-off-player");
    ProcessRunner<ProcessInstance<MatchClosingState>> closing = new ProcessRunner<>("match-closing", store,
        FootballCodec.INSTANCE, new MatchClosing(), commands, checkpoints, deadlines);
    DeadlineRunner later = new DeadlineRunner(deadlines, Clock.offset(clock, Duration.ofHours(3)), closing);

    Command[] matchDay = {
        new ScheduleMatch(DERBY, "Rovers", "United"),
        new ScheduleMatch(CUP_TIE, "City", "Athletic"),
        new ScoreGoal(DERBY, "Rovers", player("silva"), minute(1)),
        new KickOff(DERBY),
        new KickOff(CUP_TIE),
        new ScoreGoal(DERBY, "United", player("okafor"), minute(12)),
        new ShowYellowCard(DERBY, "Rovers", player("silva"), minute(20)),
        new WhistleHalfTime(DERBY),
        new StartSecondHalf(DERBY),
        new ScoreGoal(DERBY, "Rovers", player("silva"), minute(61)),
        new ShowYellowCard(DERBY, "Rovers", player("silva"), minute(70)),
        new SubstitutePlayer(DERBY, "Rovers", player("costa"), player("silva"), minute(71)),
        new SubstitutePlayer(DERBY, "United", player("okafor"), player("mensah"), minute(75)),
        new ScoreGoal(DERBY, "United", player("mensah"), minute(88)),
        new ShowRedCard(DERBY, "United", player("adams"), minute(89)),
        new WhistleFullTime(DERBY),
        new ScoreGoal(DERBY, "Rovers", player("costa"), minute(95)),
        new ConfirmResult(DERBY),
        new ScoreGoal(CUP_TIE, "Athletic", player("reyes"), minute(30)),
        new WhistleHalfTime(CUP_TIE),
        new StartSecondHalf(CUP_TIE),
        new WhistleFullTime(CUP_TIE),
    };
    System.out.println("Commands (each followed by the suspension automation and the closing process):");
    for (Command command : matchDay) {
      System.out.println("  " + command + "\n    -> " + describe(commands.dispatch(command)));
      while (suspensions.catchUp() + closing.catchUp() > 0) {
        // each round's commands record events the other runner may react to
      }
    }
    int fired = later.fireDue();
    System.out.println("\nThree hours later: " + fired + " deadline(s) fired; the cup tie was never confirmed.");

    System.out.println("\nEvents in the store (global position, stream@version, type):");
    for (RecordedEvent event : store.readAll(0, Integer.MAX_VALUE)) {
      System.out.printf("  %3d  %s@%d  %s%n", event.globalPosition(), event.stream(), event.streamVersion(),
          FootballCodec.INSTANCE.decode(event));
    }

    new ProjectionRunner<>(store, FootballCodec.INSTANCE, new LiveScoreProjection(), scores).catchUp();
    new ProjectionRunner<>(store, FootballCodec.INSTANCE, new PlayerStatsProjection(), stats).catchUp();
    System.out.println("\nView LiveScore:");
    scores.all().values().forEach(row -> System.out.println("  " + row));
    System.out.println("\nView PlayerStats, the players of Rovers (a lookup by club):");
    PlayerStatsRowCodec.byClub(stats, "Rovers").values().forEach(row -> System.out.println("  " + row));
  }

  private static String describe(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return "rejected: " + rejected.rejection();
    }
    return "accepted: " + ((CommandResult.Accepted) result).events();
  }

  private static Minute minute(int minute) {
    return new Minute(minute);
  }

  private static Player player(String name) {
    return new Player(name);
  }
}
