package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Deadlines in the table eventsmith_deadlines of a database, the events' or another. */
public final class JdbcDeadlineStore implements DeadlineStore {

  private static final List<String> MIGRATIONS = List.of("deadline/V20__deadlines.sql");

  /** The most owners one claim names, well below SQLite's limit of parameters. */
  private static final int OWNERS_PER_CLAIM = 500;
  private static final String FREE =
      "due_at IS NOT NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)";

  private final JdbcDatabase database;
  private final String rowLocks;
  private final boolean ownerArrays;

  private JdbcDeadlineStore(JdbcDatabase database, String rowLocks, boolean ownerArrays) {
    this.database = database;
    this.rowLocks = rowLocks;
    this.ownerArrays = ownerArrays;
  }

  /**
   * Opens the deadlines in {@code database}, creating their table if needed.
   *
   * @param rowLocks what the claim's inner SELECT ends with to skip rows another claim holds
   *     ("FOR UPDATE SKIP LOCKED" in PostgreSQL; "" in SQLite, whose writers take turns)
   * @param ownerArrays whether a claim of some owners sends them as one array ({@code owner =
   *     ANY(?)}, PostgreSQL) rather than 500 at a time ({@code owner IN (?, ...)})
   */
  public static JdbcDeadlineStore open(JdbcDatabase database, Dialect dialect, String rowLocks, boolean ownerArrays) {
    Components.migrate(database, dialect, "deadlines", MIGRATIONS, Map.of());
    return new JdbcDeadlineStore(database, rowLocks, ownerArrays);
  }

  /** The claim of up to a number of free deadlines, of {@code owners} owners named (0: of any). */
  private String claim(int owners) {
    String of = owners == 0 ? "" : ownerArrays ? " AND owner = ANY(?)"
        : " AND owner IN (" + String.join(", ", Collections.nCopies(owners, "?")) + ")";
    return "UPDATE eventsmith_deadlines SET claimed_until = ? WHERE " + FREE + " AND (owner, name) IN "
        + "(SELECT owner, name FROM eventsmith_deadlines WHERE " + FREE + of + " ORDER BY due_at LIMIT ? " + rowLocks
        + ") RETURNING owner, name, due_at, schedule";
  }

  @Override
  public long schedule(Deadline deadline, long cause) {
    Objects.requireNonNull(deadline, "deadline");
    return database.inTransaction("schedule " + deadline + " in", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO eventsmith_deadlines "
          + "(owner, name, due_at, schedule, cause_position, claimed_until) VALUES (?, ?, ?, 1, ?, NULL) "
          + "ON CONFLICT (owner, name) DO UPDATE SET due_at = excluded.due_at, "
          + "schedule = eventsmith_deadlines.schedule + 1, cause_position = excluded.cause_position, "
          + "claimed_until = NULL WHERE eventsmith_deadlines.cause_position < excluded.cause_position")) {
        upsert.setString(1, deadline.owner());
        upsert.setString(2, deadline.name());
        upsert.setLong(3, deadline.due().toEpochMilli());
        upsert.setLong(4, cause);
        upsert.executeUpdate();
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT schedule FROM eventsmith_deadlines WHERE owner = ? AND name = ?")) {
        query.setString(1, deadline.owner());
        query.setString(2, deadline.name());
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public boolean cancel(String owner, String name, long cause) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    return database.inTransaction("cancel the deadline " + name + " of " + owner + " in", connection -> {
      try (PreparedStatement cancel = connection.prepareStatement("UPDATE eventsmith_deadlines "
          + "SET due_at = NULL, claimed_until = NULL, cause_position = ? "
          + "WHERE owner = ? AND name = ? AND due_at IS NOT NULL AND cause_position < ?")) {
        cancel.setLong(1, cause);
        cancel.setString(2, owner);
        cancel.setString(3, name);
        cancel.setLong(4, cause);
        return cancel.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<DueDeadline> claimDue(Instant now, Duration lease, int limit) {
    DeadlineStore.checkClaim(now, lease, limit);
    return database.inTransaction("claim the deadlines due at " + now + " in",
        connection -> claim(connection, now, lease, limit, List.of()));
  }

  @Override
  public List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners) {
    DeadlineStore.checkClaim(now, lease, limit);
    List<String> all = List.copyOf(owners);
    return database.inTransaction("claim the deadlines due at " + now + " of " + all.size() + " owners in",
        connection -> {
          List<DueDeadline> claimed = new ArrayList<>();
          int perClaim = ownerArrays ? Math.max(1, all.size()) : OWNERS_PER_CLAIM;
          for (int from = 0; from < all.size() && claimed.size() < limit; from += perClaim) {
            claimed.addAll(claim(connection, now, lease, limit - claimed.size(),
                all.subList(from, Math.min(all.size(), from + perClaim))));
          }
          claimed.sort(Comparator.comparing((DueDeadline d) -> d.deadline().due()).thenComparing(DueDeadline::id));
          return claimed;
        });
  }

  /** Claims up to {@code limit} free deadlines due at {@code now}, of {@code owners} (empty: of any). */
  private List<DueDeadline> claim(Connection connection, Instant now, Duration lease, int limit, List<String> owners)
      throws SQLException {
    long at = now.toEpochMilli();
    List<DueDeadline> claimed = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement(claim(owners.size()))) {
      int p = 1;
      update.setLong(p++, now.plus(lease).toEpochMilli());
      update.setLong(p++, at);
      update.setLong(p++, at);
      update.setLong(p++, at);
      update.setLong(p++, at);
      if (ownerArrays && !owners.isEmpty()) {
        update.setArray(p++, connection.createArrayOf("text", owners.toArray()));
      } else {
        for (String owner : owners) {
          update.setString(p++, owner);
        }
      }
      update.setInt(p, limit);
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          claimed.add(due(rows));
        }
      }
    }
    claimed.sort(Comparator.comparing((DueDeadline d) -> d.deadline().due()).thenComparing(DueDeadline::id));
    return claimed;
  }

  @Override
  public boolean complete(DueDeadline fired) {
    Objects.requireNonNull(fired, "fired");
    return database.inTransaction("complete " + fired.deadline() + " in", connection -> {
      try (PreparedStatement done = connection.prepareStatement("UPDATE eventsmith_deadlines "
          + "SET due_at = NULL, claimed_until = NULL WHERE owner = ? AND name = ? AND schedule = ? "
          + "AND due_at IS NOT NULL")) {
        done.setString(1, fired.deadline().owner());
        done.setString(2, fired.deadline().name());
        done.setLong(3, fired.schedule());
        return done.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<DueDeadline> scheduled(String owner) {
    Objects.requireNonNull(owner, "owner");
    return database.read("read the deadlines of " + owner + " in", connection -> {
      try (PreparedStatement query = connection.prepareStatement("SELECT owner, name, due_at, schedule "
          + "FROM eventsmith_deadlines WHERE owner = ? AND due_at IS NOT NULL ORDER BY name")) {
        query.setString(1, owner);
        List<DueDeadline> scheduled = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            scheduled.add(due(rows));
          }
        }
        return scheduled;
      }
    });
  }

  private static DueDeadline due(ResultSet rows) throws SQLException {
    return new DueDeadline(new Deadline(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))),
        rows.getLong(4));
  }
}
