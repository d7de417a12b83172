package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.EventRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * The embedded, durable event store: one SQLite file in WAL mode, appends group-committed by one
 * writer thread. As an {@link AppendSignal} it wakes live projections on this store's own appends;
 * appends by other processes to the same file are found by their polls.
 */
public final class SqliteEventStore implements EventStore, AppendSignal {

  /** How hard a commit waits for the disk. */
  public enum Sync {
    /** fsync on every commit: an acknowledged append survives a power cut. The default. */
    FULL,
    /** fsync only at WAL checkpoints: faster; a power cut (not a crash) may lose the last commits, never corrupt. */
    NORMAL
  }

  private final SqliteFile file;
  private final SqliteWriter writer;
  private final Thread writerThread;
  private final SqliteReaders readers;
  private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

  private SqliteEventStore(SqliteFile file, SqliteWriter writer, SqliteReaders readers) {
    this.file = file;
    this.writer = writer;
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
    SqliteFile sqlite = new SqliteFile(Objects.requireNonNull(file, "file"), Objects.requireNonNull(sync, "sync"));
    sqlite.prepareDirectory();
    Connection connection = sqlite.openWriter();
    try {
      SqliteSchema.migrate(connection, sqlite.path());
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
    return new SqliteEventStore(sqlite, new SqliteWriter(sqlite, connection, Clock.systemUTC()), new SqliteReaders(sqlite));
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
    try {
      AppendResult result = pending.outcome().get();
      wakeListeners();
      return result;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EventStoreException) {
        // Re-thrown as is (not wrapped) so callers can catch WrongExpectedVersionException.
        throw (EventStoreException) cause;
      }
      throw new EventStoreException("append to " + stream + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventStoreException("interrupted while appending to " + stream
          + "; the append may still commit, reload the stream to find out", e);
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
    return query("SELECT " + EventRows.COLUMNS + " FROM events WHERE stream = ? AND version >= ? ORDER BY version LIMIT ?",
        stream.value(), Math.max(fromVersion, 1), maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    return query("SELECT " + EventRows.COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?",
        null, afterPosition, maxCount);
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    Objects.requireNonNull(eventId, "eventId");
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
