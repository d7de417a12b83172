package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import dev.eventsmith.store.contract.Tallies.OverLimit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSnapshotStoreTest {

  @TempDir
  Path directory;

  private final StreamId stream = StreamId.of("Counter", "a");

  private Snapshot snapshot(long version, String state) {
    return new Snapshot(stream, version, version * 10, 1, state.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keeps_the_latest_snapshot_per_stream_across_reopening() {
    Path file = directory.resolve("snapshots.db");
    try (SqliteSnapshotStore snapshots = SqliteSnapshotStore.open(file)) {
      assertEquals(Optional.empty(), snapshots.latest(stream));
      snapshots.save(snapshot(2, "two"));
      snapshots.save(snapshot(4, "four"));
      snapshots.save(snapshot(3, "three, saved late by a slower handler"));
      snapshots.save(new Snapshot(StreamId.of("Counter", "b"), 1, 1, 1, new byte[] {1}));
    }

    try (SqliteSnapshotStore snapshots = SqliteSnapshotStore.open(file)) {
      assertEquals(Optional.of(snapshot(4, "four")), snapshots.latest(stream));
    }
  }

  @Test
  void a_command_handler_snapshots_into_the_events_file_and_decides_as_a_full_replay_does() {
    Path file = directory.resolve("app.db");
    try (SqliteEventStore events = SqliteEventStore.open(file);
        SqliteSnapshotStore snapshots = SqliteSnapshotStore.open(file)) {
      CommandHandler<Long, Count, Counted> plain = new CommandHandler<>(events, Tallies.CODEC, new Counter());
      CommandHandler<Long, Count, Counted> snapshotting = plain.withSnapshots(snapshots, Tallies.TOTAL, 3, 1);

      for (int i = 0; i < 7; i++) {
        snapshotting.handle(new Count("a", 10));
      }

      Snapshot latest = snapshots.latest(stream).orElseThrow();
      assertEquals(6, latest.streamVersion(), "taken at 3 and 6");
      assertEquals("60", new String(latest.state(), StandardCharsets.UTF_8));
      assertEquals(events.readStream(stream, 6, 1).get(0).globalPosition(), latest.lastPosition());

      assertInstanceOf(CommandResult.Accepted.class, snapshotting.handle(new Count("a", 30)));
      assertEquals(plain.handle(new Count("a", 1)), snapshotting.handle(new Count("a", 1)));
      assertEquals(new CommandResult.Rejected(stream, new OverLimit(100)), snapshotting.handle(new Count("a", 1)));
    }
  }
}
