package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresSnapshotStoreTest {

  private final StreamId stream = StreamId.of("Counter", "a");
  private HikariDataSource pool;

  @BeforeEach
  void open() {
    pool = TestPostgres.freshSchema();
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private Snapshot snapshot(long version, String state) {
    return new Snapshot(stream, version, version * 10, 1, state.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keeps_the_latest_snapshot_per_stream() {
    PostgresSnapshotStore snapshots = PostgresSnapshotStore.open(pool);
    assertEquals(Optional.empty(), snapshots.latest(stream));
    snapshots.save(snapshot(2, "two"));
    snapshots.save(snapshot(4, "four"));
    snapshots.save(snapshot(3, "three, saved late by a slower handler"));
    snapshots.save(new Snapshot(StreamId.of("Counter", "b"), 1, 1, 1, new byte[] {1}));

    assertEquals(Optional.of(snapshot(4, "four")), PostgresSnapshotStore.open(pool).latest(stream));
  }

  @Test
  void a_command_handler_snapshots_every_n_events_and_decides_as_a_full_replay_does() {
    try (PostgresEventStore events = PostgresEventStore.open(pool)) {
      PostgresSnapshotStore snapshots = PostgresSnapshotStore.open(pool);
      CommandHandler<Long, Count, Counted> plain = new CommandHandler<>(events, Tallies.CODEC, new Counter());
      CommandHandler<Long, Count, Counted> snapshotting = plain.withSnapshots(snapshots, Tallies.TOTAL, 3, 1);

      for (int i = 0; i < 7; i++) {
        snapshotting.handle(new Count("a", 10));
      }

      Snapshot latest = snapshots.latest(stream).orElseThrow();
      assertEquals(6, latest.streamVersion(), "taken at 3 and 6");
      assertEquals("60", new String(latest.state(), StandardCharsets.UTF_8));
      assertEquals(events.readStream(stream, 6, 1).get(0).globalPosition(), latest.lastPosition());
      assertEquals(plain.handle(new Count("a", 31)), snapshotting.handle(new Count("a", 31)));
      assertEquals(new CommandResult.Rejected(stream, new OverLimit(70)), snapshotting.handle(new Count("a", 31)));
    }
  }
}
