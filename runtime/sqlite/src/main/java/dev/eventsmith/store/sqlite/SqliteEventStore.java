package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.EventRows;
import dev.eventsmith.store.jdbc.internal.TagQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded, durable event store: one SQLite file in WAL mode, appends group-committed by one
 * writer thread. As an {@link AppendSignal} it wakes live projections on this store's own appends;
 * appends by other processes to the same file are found by their polls.
 *
 * <p>It fails loudly rather than hang or lose: an append that is not committed within the append
 * timeout throws (saying whether it may still commit); if the writer thread dies (out of memory,
 * say), or the file is deleted or replaced while open, the store fails, and every later call throws
 * that cause at once. An append is acknowledged only after its commit and a check that the file is
 * still the one opened. {@link #checkWritable()} is a health check that proves a write commits.
 */
public final class SqliteEventStore implements EventStore, TaggedEventStore, AppendSignal {

  /** How hard a commit waits for the disk. */
  public enum Sync {
    /** fsync on every commit: an acknowledged append survives a power cut. The default. */
    FULL,
    /** fsync only at WAL checkpoints: faster; a power cut (not a crash) may lose the last commits, never corrupt. */
    NORMAL
  }

  /** How long an append waits for its commit unless the store was opened with another timeout. */
  public static final Duration DEFAULT_APPEND_TIMEOUT = Duration.ofSeconds(30);

  private final SqliteFile file;
  private final SqliteWriter writer;
  private final Duration appendTimeout;
  private final Thread writerThread;
  private final SqliteReaders readers;
  private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

  private SqliteEventStore(SqliteFile file, SqliteWriter writer, SqliteReaders readers, Duration appendTimeout) {
    this.file = file;
    this.writer = writer;
    this.appendTimeout = appendTimeout;
    this.readers = readers;
    this.writerThread = new Thread(writer, "eventsmith-sqlite-writer " + file.path().getFileName());
    writerThread.setDaemon(true);
    writerThread.start();
  }

  /** Opens the store in {@code file}, creating the file and bringing its schema up to date; fsync on every commit. */
  public static SqliteEventStore open(Path file) {
    return open(file, Sync.FULL);
  }

  /** Opens the store in {@code file} with the given durability. */
  public static SqliteEventStore open(Path file, Sync sync) {
    return open(file, sync, DEFAULT_APPEND_TIMEOUT);
  }

  /**
   * Opens the store in {@code file} with the given durability; an append not committed within
   * {@code appendTimeout} throws instead of waiting on (another process holding the file's write
   * lock for long, a stalled disk).
   */
  public static SqliteEventStore open(Path file, Sync sync, Duration appendTimeout) {
    return open(file, sync, appendTimeout, Clock.systemUTC());
  }

  static SqliteEventStore open(Path file, Sync sync, Duration appendTimeout, Clock clock) {
    if (appendTimeout.isNegative() || appendTimeout.isZero()) {
      throw new IllegalArgumentException("the append timeout must be positive: " + appendTimeout);
    }
    SqliteFile sqlite = new SqliteFile(Objects.requireNonNull(file, "file"), Objects.requireNonNull(sync, "sync"));
    sqlite.prepareDirectory();
    Connection connection = sqlite.openWriter();
    try {
      SqliteSchema.migrate(connection, sqlite.path());
      sqlite.rememberIdentity();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof EventStoreException) {
        throw (EventStoreException) e;
      }
      throw e instanceof SQLException ? sqlite.failure("open", (SQLException) e)
          : new EventStoreException("cannot open the event store " + sqlite.path() + ": " + e, e);
    }
    return new SqliteEventStore(sqlite, new SqliteWriter(sqlite, connection, clock), new SqliteReaders(sqlite),
        appendTimeout);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(expected, "expected");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event (stream " + stream + ")");
    }
    PendingAppend pending = new PendingAppend(stream, expected, events);
    writer.submit(pending);
    AppendResult result = await(pending, "the append to " + stream);
    wakeListeners();
    return result;
  }

  /**
   * Appends tagged events; the one writer thread checks {@code condition} and writes in one
   * transaction, so SQLite's conditional appends are serialised like all its writes.
   */
  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
    return appendTagged(stream, events, Objects.requireNonNull(condition, "condition"), "the conditional append to ");
  }

  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
    return appendTagged(stream, events, null, "the append to ");
  }

  private AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition, String what) {
    Objects.requireNonNull(stream, "stream");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event (stream " + stream + ")");
    }
    PendingAppend pending = PendingAppend.tagged(stream, events, condition);
    writer.submit(pending);
    AppendResult result = await(pending, what + stream);
    wakeListeners();
    return result;
  }

  @Override
  public List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
    Objects.requireNonNull(query, "query");
    writer.checkUsable();
    if (maxCount <= 0) {
      return List.of();
    }
    return readers.read("read", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(SqliteWriter.TAGS.read(query))) {
        statement.setInt(TagQueries.bind(statement, query, afterPosition), maxCount);
        return EventRows.read(statement, SqliteDialect.INSTANCE);
      }
    });
  }

  /**
   * Checks that the store can write: that its writer is alive, its file is still the one it opened,
   * and a write transaction commits (with its fsync) within the append timeout. A health check that
   * only read would stay green while appends fail.
   *
   * @throws EventStoreException saying what keeps the store from writing
   */
  public void checkWritable() {
    PendingAppend probe = PendingAppend.probe();
    writer.submit(probe);
    await(probe, "a test write");
  }

  private AppendResult await(PendingAppend pending, String what) {
    try {
      return pending.outcome().get(appendTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EventStoreException) {
        // Re-thrown as is (not wrapped) so callers can catch WrongExpectedVersionException.
        throw (EventStoreException) cause;
      }
      throw new EventStoreException(what + " failed: " + cause, cause);
    } catch (TimeoutException e) {
      if (writer.withdraw(pending)) {
        throw new EventStoreException(what + " was not written within " + appendTimeout + ": the writer was "
            + "still busy with earlier appends (another process may hold " + file.path() + " locked, or the disk "
            + "stalls); nothing of it was written, it is safe to retry", e);
      }
      throw new EventStoreException(what + " did not commit within " + appendTimeout + " (another process may hold "
          + file.path() + " locked, or the disk stalls); it may still commit: reload the stream to find out before "
          + "retrying", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (writer.withdraw(pending)) {
        throw new EventStoreException("interrupted before " + what + " was written; nothing of it was written", e);
      }
      throw new EventStoreException("interrupted while waiting for " + what
          + "; it may still commit, reload the stream to find out", e);
    }
  }

  @Override
  public Registration onAppend(Runnable wakeUp) {
    Objects.requireNonNull(wakeUp, "wakeUp");
    appendListeners.add(wakeUp);
    return () -> appendListeners.remove(wakeUp);
  }

  private void wakeListeners() {
    for (Runnable listener : appendListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // The append is committed; a listener's failure must not make it look failed.
      }
    }
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
    Objects.requireNonNull(stream, "stream");
    writer.checkUsable();
    return query("SELECT " + EventRows.COLUMNS + " FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?",
        stream.value(), Math.max(fromVersion, 1), maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    writer.checkUsable();
    return query("SELECT " + EventRows.COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?",
        null, afterPosition, maxCount);
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    Objects.requireNonNull(eventId, "eventId");
    writer.checkUsable();
    return readers.read("read", connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT " + EventRows.COLUMNS + " FROM events WHERE event_id = ?")) {
        query.setBytes(1, Uuids.toBytes(eventId));
        return EventRows.read(query, SqliteDialect.INSTANCE).stream().findFirst();
      }
    });
  }

  @Override
  public long streamVersion(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    writer.checkUsable();
    return readers.read("read", connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT coalesce(max(version), 0) FROM events WHERE stream = ?")) {
        query.setString(1, stream.value());
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  private List<RecordedEvent> query(String sql, String stream, long from, int maxCount) {
    if (maxCount <= 0) {
      return List.of();
    }
    return readers.read("read", connection -> {
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        int i = 1;
        if (stream != null) {
          query.setString(i++, stream);
        }
        query.setLong(i++, from);
        query.setInt(i, maxCount);
        return EventRows.read(query, SqliteDialect.INSTANCE);
      }
    });
  }

  /** Commits what is queued, then closes the file; appends after this fail. */
  @Override
  public void close() {
    writer.stop();
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readers.close();
  }

  @Override
  public String toString() {
    return "SqliteEventStore[" + file.path() + "]";
  }
}
