package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store never hangs and never acknowledges what it lost: a dead writer thread, a stuck
 * writer, and a database file deleted or replaced while open (cases 5 and 6 of the reliability issue).
 */
@Tag("reliability")
class SqliteFailureTest {

  /** Only guards against a hang coming back: the calls it wraps answer at once when the store works as it should. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir
  Path directory;

  private final StreamId cart = StreamId.of("Cart", "1");

  @Test
  void a_writer_that_dies_fails_the_store_and_every_later_call_gets_the_cause_at_once() {
    InjectingClock clock = new InjectingClock();
    Path file = directory.resolve("app.db");
    try (SqliteEventStore store = SqliteEventStore.open(file, SqliteEventStore.Sync.FULL, Duration.ofHours(1), clock)) {
      store.append(cart, ExpectedVersion.noStream(), List.of(event("kept")));
      // What an 80-million-character value did: the writer thread runs out of memory mid-batch.
      clock.throwOnce(() -> new OutOfMemoryError("Java heap space (injected)"));

      EventStoreException died = assertThrows(EventStoreException.class,
          () -> store.append(cart, ExpectedVersion.exactly(1), List.of(event("lost"))));

      assertTrue(died.getMessage().startsWith("the writer of the event store " + file.toAbsolutePath() + " died: "
          + "java.lang.OutOfMemoryError: Java heap space (injected); the store takes no more appends and reads"),
          died.getMessage());
      assertInstanceOf(OutOfMemoryError.class, died.getCause());
      for (Executable later : List.<Executable>of(
          () -> store.append(cart, ExpectedVersion.any(), List.of(event("later"))),
          () -> store.readAll(0, 10),
          () -> store.readStream(cart, 1, 10),
          () -> store.streamVersion(cart),
          () -> store.readEvent(UUID.randomUUID()),
          store::checkWritable)) {
        EventStoreException refused = assertTimeoutPreemptively(HANG, () -> assertThrows(EventStoreException.class, later));
        assertEquals(died.getMessage(), refused.getMessage(), "the same cause, at once, not a hang");
        assertSame(died, refused.getCause());
      }
    }
    try (SqliteEventStore reopened = SqliteEventStore.open(file)) {
      assertEquals(1, reopened.streamVersion(cart), "what was acknowledged is there; nothing else");
      reopened.checkWritable();
    }
  }

  @Test
  void an_append_the_writer_cannot_commit_in_time_throws_and_says_whether_it_may_still_commit() throws Exception {
    InjectingClock clock = new InjectingClock();
    try (SqliteEventStore store = SqliteEventStore.open(directory.resolve("app.db"), SqliteEventStore.Sync.FULL,
        Duration.ofMillis(300), clock)) {
      CountDownLatch stuck = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      clock.blockOnce(stuck, release);
      CompletableFuture<Void> taken = CompletableFuture.runAsync(
          () -> store.append(cart, ExpectedVersion.noStream(), List.of(event("taken"))));
      assertTrue(stuck.await(30, TimeUnit.SECONDS), "the writer took the first append and got stuck on it");

      EventStoreException queued = assertThrows(EventStoreException.class,
          () -> store.append(StreamId.of("Cart", "2"), ExpectedVersion.noStream(), List.of(event("queued"))));
      ExecutionException first = assertThrows(ExecutionException.class, () -> taken.get(30, TimeUnit.SECONDS));
      release.countDown();

      assertTrue(queued.getMessage().startsWith("the append to Cart-2 was not written within PT0.3S"),
          queued.getMessage());
      assertTrue(queued.getMessage().endsWith("nothing of it was written, it is safe to retry"), queued.getMessage());
      assertTrue(first.getCause().getMessage().startsWith("the append to Cart-1 did not commit within PT0.3S"),
          first.getCause().getMessage());
      assertTrue(first.getCause().getMessage().contains("it may still commit: reload the stream to find out"),
          first.getCause().getMessage());
      store.checkWritable();
      assertEquals(1, store.streamVersion(cart), "the one that could still commit did");
      assertEquals(0, store.streamVersion(StreamId.of("Cart", "2")), "the withdrawn one never will");
    }
  }

  @Test
  void a_file_deleted_while_open_is_noticed_before_an_append_is_acknowledged() throws Exception {
    Path file = directory.resolve("app.db");
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      store.append(cart, ExpectedVersion.noStream(), List.of(event("before")));
      store.checkWritable();
      deleteWithItsJournal(file);

      EventStoreException lost = assertThrows(EventStoreException.class,
          () -> store.append(cart, ExpectedVersion.exactly(1), List.of(event("after"))));

      assertTrue(lost.getMessage().startsWith("the database file " + file.toAbsolutePath() + " was deleted while the "
          + "store had it open; what the store wrote since went to the old file and is lost"), lost.getMessage());
      for (int i = 0; i < 5; i++) {
        assertThrows(EventStoreException.class,
            () -> store.append(cart, ExpectedVersion.any(), List.of(event("later"))), "no later append is acknowledged");
      }
      assertThrows(EventStoreException.class, store::checkWritable);
    }
    try (SqliteEventStore reopened = SqliteEventStore.open(file)) {
      assertEquals(0, reopened.streamVersion(cart), "a new, empty file: and no append was acknowledged into the old");
    }
  }

  @Test
  void a_file_replaced_while_open_is_noticed_before_an_append_is_acknowledged() throws Exception {
    Path file = directory.resolve("app.db");
    Path other = directory.resolve("other.db");
    try (SqliteEventStore elsewhere = SqliteEventStore.open(other)) {
      elsewhere.append(StreamId.of("Other", "1"), ExpectedVersion.noStream(), List.of(event("other")));
    }
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      store.append(cart, ExpectedVersion.noStream(), List.of(event("before")));
      Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

      EventStoreException lost = assertThrows(EventStoreException.class, store::checkWritable);

      assertTrue(lost.getMessage().startsWith("the database file " + file.toAbsolutePath() + " was replaced by another "
          + "file while the store had it open"), lost.getMessage());
      assertThrows(EventStoreException.class, () -> store.append(cart, ExpectedVersion.any(), List.of(event("x"))));
    }
  }

  @Test
  void a_view_whose_file_was_deleted_refuses_to_acknowledge_a_page() throws Exception {
    Path file = directory.resolve("views.db");
    try (SqliteViewStore<String, Tally> view = SqliteViewStore.open(file, "tallies", new TallyRows())) {
      Checkpoint one = view.apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);
      deleteWithItsJournal(file);

      EventStoreException lost = assertThrows(EventStoreException.class,
          () -> view.apply(Map.of("a", new Tally("a", 2, 2)), one, 2));

      assertTrue(lost.getMessage().contains("was deleted while the store had it open"), lost.getMessage());
    }
  }

  @Test
  void a_health_check_proves_a_write_commits_and_fails_once_the_store_is_closed() {
    SqliteEventStore store = SqliteEventStore.open(directory.resolve("app.db"));
    store.checkWritable();
    store.close();

    EventStoreException closed = assertThrows(EventStoreException.class, store::checkWritable);
    assertTrue(closed.getMessage().endsWith("is closed; open it again to use it"), closed.getMessage());
  }

  @Test
  void a_view_file_locked_by_another_process_is_unavailable_for_now_and_a_live_projection_waits_it_out()
      throws Exception {
    Path events = directory.resolve("app.db");
    Path views = directory.resolve("views.db");
    try (SqliteEventStore store = SqliteEventStore.open(events);
        SqliteViewStore<String, Tally> view = SqliteViewStore.open(views, "tallies", new TallyRows())) {
      long last = Tallies.count(store, "a", 3);
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + views);
          Statement lock = other.createStatement()) {
        // Another process holds the view's file write-locked, longer than the busy timeout.
        lock.execute("BEGIN IMMEDIATE");
        try (LiveProjection live = LiveProjection.start("tallies",
            new ProjectionRunner<>(store, Tallies.CODEC, new TallyProjector(), view), Duration.ofMillis(10))) {
          long deadline = System.nanoTime() + HANG.toNanos();
          while (live.failures() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertEquals(1, live.failures(), "the lock outlasted the busy timeout once");
          assertInstanceOf(StoreUnavailableException.class, live.lastFailure().orElseThrow());
          assertTrue(live.isRunning(), "a locked file is waited out, not a reason to stop");
          lock.execute("ROLLBACK");

          assertTrue(live.awaitCheckpoint(last, HANG));
          assertEquals(Map.of("a", new Tally("a", 3, 1)), view.all());
        }
      }
    }
  }

  private static void deleteWithItsJournal(Path file) throws Exception {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }

  private static NewEvent event(String data) {
    return new NewEvent(UUID.randomUUID(), "Happened", 1, data.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The writer's clock, read once per batch: a place to make the writer thread fail or stall on purpose. */
  private static final class InjectingClock extends Clock {
    private final AtomicReference<Supplier<Error>> error = new AtomicReference<>();
    private final AtomicReference<CountDownLatch[]> block = new AtomicReference<>();

    void throwOnce(Supplier<Error> next) {
      error.set(next);
    }

    void blockOnce(CountDownLatch stuck, CountDownLatch release) {
      block.set(new CountDownLatch[] {stuck, release});
    }

    @Override
    public Instant instant() {
      Supplier<Error> e = error.getAndSet(null);
      if (e != null) {
        throw e.get();
      }
      CountDownLatch[] latches = block.getAndSet(null);
      if (latches != null) {
        latches[0].countDown();
        try {
          latches[1].await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      return Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
