package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import dev.eventsmith.store.contract.Tallies.OverLimit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SnapshotStore} must have, with a command handler that snapshots into
 * it. Subclass it, implement the two factories, and JUnit runs the contract against your store.
 */
public abstract class SnapshotStoreContract {

  /** A fresh, empty event store for one test; the contract closes it after the test. */
  protected abstract EventStore newEventStore();

  /** Opens the snapshots of this test's database: a new store object on each call for a durable store. */
  protected abstract SnapshotStore openSnapshots();

  protected EventStore events;
  private final List<SnapshotStore> opened = new ArrayList<>();
  private final StreamId stream = StreamId.of("Counter", "a");

  @BeforeEach
  void openEventStore() {
    events = newEventStore();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(SnapshotStore::close);
    events.close();
  }

  protected SnapshotStore snapshots() {
    SnapshotStore snapshots = openSnapshots();
    opened.add(snapshots);
    return snapshots;
  }

  private Snapshot snapshot(StreamId stream, long version, String state) {
    return new Snapshot(stream, version, version * 10, 1, state.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keeps_the_latest_snapshot_per_stream_for_every_store_object() {
    SnapshotStore snapshots = snapshots();
    assertEquals(Optional.empty(), snapshots.latest(stream));
    snapshots.save(snapshot(stream, 2, "two"));
    snapshots.save(snapshot(stream, 4, "four"));
    snapshots.save(snapshot(stream, 3, "three, saved late by a slower handler"));
    snapshots.save(new Snapshot(StreamId.of("Counter", "b"), 1, 1, 1, new byte[] {1}));

    assertEquals(Optional.of(snapshot(stream, 4, "four")), snapshots().latest(stream));
    assertEquals(1, snapshots().latest(StreamId.of("Counter", "b")).orElseThrow().streamVersion());
  }

  @Test
  void streams_with_the_longest_and_near_alike_ids_keep_their_own_snapshots() {
    String prefix = "Counter-";
    StreamId longest = StreamId.of("Counter", "x".repeat(StoredText.MAX_LENGTH - prefix.length()));
    StreamId emoji = StreamId.of("Counter", "\uD83D\uDE00");
    StreamId question = StreamId.of("Counter", "?");
    SnapshotStore snapshots = snapshots();
    snapshots.save(snapshot(longest, 1, "longest"));
    snapshots.save(snapshot(emoji, 1, "emoji"));
    snapshots.save(snapshot(question, 1, "question"));

    assertEquals("longest", text(snapshots().latest(longest)));
    assertEquals("emoji", text(snapshots().latest(emoji)));
    assertEquals("question", text(snapshots().latest(question)));
  }

  @Test
  void a_command_handler_snapshots_every_n_events_and_decides_as_a_full_replay_does() {
    SnapshotStore snapshots = snapshots();
    CommandHandler<Long, Count, Counted> plain = new CommandHandler<>(events, Tallies.CODEC, new Counter());
    CommandHandler<Long, Count, Counted> snapshotting = plain.withSnapshots(snapshots, Tallies.TOTAL, 3, 1);

    for (int i = 0; i < 7; i++) {
      snapshotting.handle(new Count("a", 10));
    }

    Snapshot latest = snapshots().latest(stream).orElseThrow();
    assertEquals(6, latest.streamVersion(), "taken at 3 and 6");
    assertEquals("60", new String(latest.state(), StandardCharsets.UTF_8));
    assertEquals(events.readStream(stream, 6, 1).get(0).globalPosition(), latest.lastPosition());
    assertInstanceOf(CommandResult.Accepted.class, snapshotting.handle(new Count("a", 30)));
    assertEquals(plain.handle(new Count("a", 1)), snapshotting.handle(new Count("a", 1)));
    assertEquals(new CommandResult.Rejected(stream, new OverLimit(100)), snapshotting.handle(new Count("a", 1)));
  }

  @Test
  @Tag("reliability")
  void a_retried_command_appends_nothing_and_gets_the_same_answer_whatever_snapshots_exist() {
    // A snapshot after every event: the first handling's events are never among those a load folds.
    CommandHandler<Long, Count, Counted> handler =
        new CommandHandler<>(events, Tallies.CODEC, new Counter()).withSnapshots(snapshots(), Tallies.TOTAL, 1, 1);
    Map<String, String> req42 = Map.of(CommandHandler.COMMAND_ID, "req-42");

    handler.handle(new Count("a", 1));
    CommandResult first = handler.handle(new Count("a", 5), req42);
    handler.handle(new Count("a", 2));
    CommandResult retry = handler.handle(new Count("a", 5), req42);

    assertEquals(first, retry);
    assertEquals(2, assertInstanceOf(CommandResult.Accepted.class, retry).streamVersion());
    assertEquals(3, events.streamVersion(stream), "the retry appended nothing");
    assertEquals(3, snapshots().latest(stream).orElseThrow().streamVersion());
  }

  private static String text(Optional<Snapshot> snapshot) {
    return new String(snapshot.orElseThrow().state(), StandardCharsets.UTF_8);
  }
}
