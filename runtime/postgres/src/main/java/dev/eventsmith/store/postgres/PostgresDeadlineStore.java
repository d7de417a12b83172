package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.store.jdbc.internal.JdbcDeadlineStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Deadlines of processes in PostgreSQL, the events' database or another: durable, and claimed
 * under a lease with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so runners in several processes
 * never claim one schedule together and never wait for each other.
 */
public final class PostgresDeadlineStore implements DeadlineStore {

  private final JdbcDeadlineStore deadlines;

  private PostgresDeadlineStore(JdbcDeadlineStore deadlines) {
    this.deadlines = deadlines;
  }

  /** Opens the deadlines in the database behind {@code dataSource}, creating their table if needed. */
  public static PostgresDeadlineStore open(DataSource dataSource) {
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresDeadlineStore(JdbcDeadlineStore.open(database, PostgresDialect.INSTANCE,
        "FOR UPDATE SKIP LOCKED", true));
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
}
