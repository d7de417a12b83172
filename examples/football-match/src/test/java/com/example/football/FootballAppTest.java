package com.example.football;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The match day end to end: the rules, the suspension automation, the closing process and its deadline, the views. */
class FootballAppTest {

  @TempDir
  Path temp;

  @Test
  void theMatchDayRunsOnTheInMemoryStores() {
    check(new InMemoryEventStore(), new InMemoryCheckpointStore(), new InMemoryDeadlineStore(),
        new InMemoryViewStore<>(), new InMemoryViewStore<>());
  }

  @Test
  void theMatchDayRunsOnOneSqliteFileAndEverythingStays() {
    Path file = temp.resolve("football.db");
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file);
        SqliteViewStore<UUID, LiveScore> scores = SqliteViewStore.open(file, "live_score", LiveScoreRowCodec.INSTANCE);
        SqliteViewStore<Player, PlayerStats> stats =
            SqliteViewStore.open(file, "player_stats", PlayerStatsRowCodec.INSTANCE)) {
      check(store, checkpoints, deadlines, scores, stats);
    }
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteViewStore<Player, PlayerStats> stats =
            SqliteViewStore.open(file, "player_stats", PlayerStatsRowCodec.INSTANCE)) {
      assertEquals(24, store.readAll(0, 100).size(), "every event is still there after reopening");
      assertEquals(List.of(new Player("adams"), new Player("mensah"), new Player("okafor")),
          PlayerStatsRowCodec.byClub(stats, "United").keySet().stream().sorted((a, b) -> a.value().compareTo(b.value()))
              .toList());
    }
  }

  private static void check(EventStore store, CheckpointStore checkpoints, DeadlineStore deadlines,
      ViewStore<UUID, LiveScore> scores, ViewStore<Player, PlayerStats> stats) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      FootballApp.run(store, checkpoints, deadlines, scores, stats, Clock.systemUTC());
    } finally {
      System.setOut(original);
    }
    List<String> types = store.readAll(0, 100).stream().map(RecordedEvent::type).toList();
    assertEquals(24, types.size(), types::toString);
    assertEquals(List.of("PlayerSuspended", "PlayerSuspended"),
        types.stream().filter(t -> t.equals("PlayerSuspended")).toList());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("rejected: MatchNotInPlay[phase=SCHEDULED]"), printed);
    assertTrue(printed.contains("rejected: MatchNotInPlay[phase=FULL_TIME]"), printed);
    assertTrue(printed.contains("rejected: PlayerCannotReturn[player=silva]"), printed);
    assertTrue(printed.contains("1 deadline(s) fired"), printed);
    assertEquals(new LiveScore(FootballApp.DERBY, "Rovers", "United", 1, 2, MatchPhase.CLOSED),
        scores.find(FootballApp.DERBY).orElseThrow());
    assertEquals(new LiveScore(FootballApp.CUP_TIE, "City", "Athletic", 0, 1, MatchPhase.CLOSED),
        scores.find(FootballApp.CUP_TIE).orElseThrow());
    assertEquals(new PlayerStats(new Player("silva"), "Rovers", 1, 2, 1, 0),
        stats.find(new Player("silva")).orElseThrow());
    assertEquals(new PlayerStats(new Player("mensah"), "United", 1, 0, 0, 1),
        stats.find(new Player("mensah")).orElseThrow());
  }
}
