package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.store.jdbc.internal.JdbcDeadlineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Deadlines of processes in an SQLite file, the event store's or another: durable, and claimed
 * under a lease, also between processes sharing the file (SQLite's writers take turns).
 */
public final class SqliteDeadlineStore implements DeadlineStore {

  private final KeptConnection connection;
  private final JdbcDeadlineStore deadlines;

  private SqliteDeadlineStore(KeptConnection connection, JdbcDeadlineStore deadlines) {
    this.connection = connection;
    this.deadlines = deadlines;
  }

  /** Opens the deadlines in {@code file}, creating their table if needed; fsync on every commit. */
  public static SqliteDeadlineStore open(Path file) {
    KeptConnection connection =
        KeptConnection.open(new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.FULL));
    try {
      return new SqliteDeadlineStore(connection, JdbcDeadlineStore.open(connection, SqliteDialect.INSTANCE, "", false));
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public long schedule(Deadline deadline, long cause) {
    return deadlines.schedule(deadline, cause);
  }

  @Override
  public boolean cancel(String owner, String name, long cause) {
    return deadlines.cancel(owner, name, cause);
  }

  @Override
  public List<DueDeadline> claimDue(Instant now, Duration lease, int limit) {
    return deadlines.claimDue(now, lease, limit);
  }

  @Override
  public List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners) {
    return deadlines.claimDue(now, lease, limit, owners);
  }

  @Override
  public boolean complete(DueDeadline fired) {
    return deadlines.complete(fired);
  }

  @Override
  public List<DueDeadline> scheduled(String owner) {
    return deadlines.scheduled(owner);
  }

  /** Closes the connection; the file stays. */
  @Override
  public void close() {
    connection.close();
  }
}
