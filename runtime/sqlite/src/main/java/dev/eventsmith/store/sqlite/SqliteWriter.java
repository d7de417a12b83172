package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import dev.eventsmith.store.jdbc.internal.EventRows;
import dev.eventsmith.store.jdbc.internal.MetadataJson;
import dev.eventsmith.store.jdbc.internal.TagQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one thread that writes to a store file. Appends queue up while a commit (and its fsync) runs
 * and are then committed together in one transaction: group commit. Each append is still checked
 * against its own expected version and written under its own savepoint, so one that fails fails
 * alone; an append is acknowledged only after the commit that holds it returned.
 */
final class SqliteWriter implements Runnable {

  /** Most appends in one transaction, so one huge burst does not hold every caller hostage. */
  private static final int MAX_BATCH = 512;

  private static final String INSERT = "INSERT INTO events (position, stream, version, event_id, type, "
      + "schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final TagQueries TAGS = new TagQueries("events", "event_tags");

  private static final String PROBE = "UPDATE eventsmith_schema SET applied_at = applied_at "
      + "WHERE version = (SELECT max(version) FROM eventsmith_schema)";

  /** What a probe's outcome completes with: it appended nothing. */
  private static final AppendResult PROBED = null;

  private final SqliteFile file;
  private final Connection connection;
  private final Clock clock;
  private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
  private volatile boolean stopping;
  /** Why the store takes no more work, once the writer died or the file went away; null while it is healthy. */
  private volatile EventStoreException failed;

  SqliteWriter(SqliteFile file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  void submit(PendingAppend append) {
    checkUsable();
    queue.add(append);
    // The writer may have stopped or died just before our add: then nobody will ever commit it.
    if ((stopping || failed != null) && queue.remove(append)) {
      checkUsable();
    }
  }

  /** Takes back an append the writer has not begun to write; false if it has (it may commit). */
  boolean withdraw(PendingAppend append) {
    return queue.remove(append);
  }

  /** Throws at once what keeps the store from working: the writer's death, a lost file, or close(). */
  void checkUsable() {
    EventStoreException why = failed;
    if (why != null) {
      throw new EventStoreException(why.getMessage(), why);
    }
    if (stopping) {
      throw new EventStoreException("the event store " + file.path() + " is closed; open it again to use it");
    }
  }

  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    List<PendingAppend> batch = new ArrayList<>();
    try {
      while (!stopping || !queue.isEmpty()) {
        PendingAppend first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      // Out of memory, a bug: the thread that alone commits is gone, so the store must say so to every caller
      // at once, rather than let appends queue up forever behind it.
      fail(new EventStoreException("the writer of the event store " + file.path() + " died: " + e + "; the store "
          + "takes no more appends and reads; appends in flight may or may not have committed: open the store again "
          + "and reload the streams to find out", e));
    } finally {
      EventStoreException why = failed != null ? failed
          : new EventStoreException("the event store " + file.path() + " was closed before this append was written");
      batch.forEach(pending -> pending.outcome().completeExceptionally(why));
      for (PendingAppend left; (left = queue.poll()) != null; ) {
        left.outcome().completeExceptionally(why);
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Nothing is pending on it any more; closing the file cannot lose an acknowledged append.
      }
    }
  }

  private void fail(EventStoreException why) {
    if (failed == null) {
      failed = why;
    }
    stopping = true;
  }

  private void commit(List<PendingAppend> batch) {
    // By identity: a record's hashCode would hash every event's payload.
    Map<PendingAppend, AppendResult> written = new IdentityHashMap<>();
    try {
      connection.setAutoCommit(false);
      try {
        writeAll(batch, written);
        connection.commit();
        // Before acknowledging: if the file was deleted or replaced, this commit went where nobody will find it.
        file.checkIdentity();
      } catch (LostFileException lost) {
        fail(lost);
        written.keySet().forEach(pending -> pending.outcome().completeExceptionally(lost));
        written.clear();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        EventStoreException failure = e instanceof SQLException
            ? file.failure("append to", (SQLException) e)
            : new EventStoreException("append to " + file.path() + " failed: " + e, e);
        // The whole transaction is gone: none of the batch's appends was written.
        written.keySet().forEach(pending -> pending.outcome().completeExceptionally(failure));
        written.clear();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      EventStoreException failure = file.failure("append to", e);
      batch.forEach(pending -> pending.outcome().completeExceptionally(failure));
      return;
    }
    written.forEach((pending, result) -> pending.outcome().complete(result));
  }

  /** Writes every append that may be written; completes the refused ones right away. */
  private void writeAll(List<PendingAppend> batch, Map<PendingAppend, AppendResult> written) throws SQLException {
    long nextPosition = maxPosition() + 1;
    long recordedAt = Micros.of(Micros.now(clock));
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement insert = connection.prepareStatement(INSERT);
        Statement savepoints = connection.createStatement()) {
      for (PendingAppend pending : batch) {
        if (pending.isProbe()) {
          // A write that changes nothing, but takes the write lock and goes through the WAL and its fsync.
          savepoints.executeUpdate(PROBE);
          written.put(pending, PROBED);
          continue;
        }
        String stream = pending.stream().value();
        long actual = versions.containsKey(stream) ? versions.get(stream) : streamVersion(stream);
        if (!pending.expected().matches(actual)) {
          pending.outcome().completeExceptionally(
              new WrongExpectedVersionException(pending.stream(), pending.expected(), actual));
          continue;
        }
        // The one writer checks the condition and writes in one transaction: nothing can slip in between.
        if (pending.condition() != null && anyMatch(pending.condition())) {
          pending.outcome().completeExceptionally(new AppendConditionFailedException(pending.condition()));
          continue;
        }
        savepoints.execute("SAVEPOINT append");
        try {
          insertRows(insert, pending, stream, actual, nextPosition, recordedAt);
          insertTags(pending, nextPosition);
          savepoints.execute("RELEASE append");
        } catch (SQLException e) {
          savepoints.execute("ROLLBACK TO append");
          savepoints.execute("RELEASE append");
          pending.outcome().completeExceptionally(
              isDuplicateEventId(e) ? duplicateEventId(pending) : file.failure("append to", e));
          continue;
        }
        int count = pending.events().size();
        versions.put(stream, actual + count);
        written.put(pending, new AppendResult(pending.stream(), actual + count, nextPosition, nextPosition + count - 1));
        nextPosition += count;
      }
    }
  }

  private void insertRows(PreparedStatement insert, PendingAppend pending, String stream, long actual,
      long firstPosition, long recordedAt) throws SQLException {
    long version = actual;
    long position = firstPosition;
    Map<String, String> metadata = null;
    String metadataJson = null;
    for (NewEvent event : pending.events()) {
      insert.setLong(1, position++);
      insert.setString(2, stream);
      insert.setLong(3, ++version);
      insert.setBytes(4, Uuids.toBytes(event.eventId()));
      insert.setString(5, event.type());
      insert.setInt(6, event.schemaVersion());
      insert.setBytes(7, event.data());
      if (!event.metadata().equals(metadata)) {
          // The events of one append usually share their metadata: encode it once.
          metadata = event.metadata();
          metadataJson = MetadataJson.write(metadata);
        }
        insert.setString(8, metadataJson);
      insert.setLong(9, recordedAt);
      insert.addBatch();
    }
    insert.executeBatch();
  }

  private boolean anyMatch(AppendCondition condition) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(TAGS.exists(condition.failIfEventsMatch()))) {
      TagQueries.bind(query, condition.failIfEventsMatch(), condition.after());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void insertTags(PendingAppend pending, long firstPosition) throws SQLException {
    if (pending.tags().isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(TAGS.insert())) {
      for (int i = 0; i < pending.events().size(); i++) {
        TagQueries.addTags(insert, pending.tags().get(i), pending.events().get(i).type(), firstPosition + i);
      }
      insert.executeBatch();
    }
  }

  private static boolean isDuplicateEventId(SQLException e) {
    return e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
        && String.valueOf(e.getMessage()).contains("events.event_id");
  }

  /** Which of the append's ids is taken: by a stored event (or one earlier in this batch), or twice by the append. */
  private DuplicateEventIdException duplicateEventId(PendingAppend pending) throws SQLException {
    Set<UUID> seen = new HashSet<>();
    UUID repeated = null;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + EventRows.COLUMNS + " FROM events WHERE event_id = ?")) {
      for (NewEvent event : pending.events()) {
        query.setBytes(1, Uuids.toBytes(event.eventId()));
        List<RecordedEvent> stored = EventRows.read(query, SqliteDialect.INSTANCE);
        if (!stored.isEmpty()) {
          return new DuplicateEventIdException(pending.stream(), event.eventId(), stored.get(0));
        }
        if (!seen.add(event.eventId()) && repeated == null) {
          repeated = event.eventId();
        }
      }
    }
    return new DuplicateEventIdException(pending.stream(), repeated);
  }

  private long maxPosition() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT coalesce(max(position), 0) FROM events")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private long streamVersion(String stream) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT coalesce(max(version), 0) FROM events WHERE stream = ?")) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The transaction is abandoned either way; the caller reports the original failure.
    }
  }
}
