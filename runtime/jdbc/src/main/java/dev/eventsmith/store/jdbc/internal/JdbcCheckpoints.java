package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fenced checkpoints in the table eventsmith_runner_checkpoints, on a connection the caller
 * gives: inside the caller's transaction, so a runner commits its checkpoint together with what
 * it wrote (a view's rows; later, the commands a process issued).
 */
public final class JdbcCheckpoints {

  private static final List<String> MIGRATIONS = List.of("checkpoint/V1__checkpoints.sql");

  /** Segment 0: the whole log, while runners are not split into segments. */
  private static final int WHOLE = 0;

  private JdbcCheckpoints() {}

  /** Creates the checkpoint table in {@code database} if needed. */
  public static void migrate(JdbcDatabase database, Dialect dialect) {
    Components.migrate(database, dialect, "checkpoints", MIGRATIONS, Map.of());
  }

  /** The checkpoint stored as {@code name}, if there is one. */
  public static Optional<Checkpoint> read(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT position, fence FROM eventsmith_runner_checkpoints WHERE name = ? AND segment = ?")) {
      query.setString(1, name);
      query.setInt(2, WHOLE);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(new Checkpoint(rows.getLong(1), rows.getLong(2))) : Optional.empty();
      }
    }
  }

  /**
   * Moves {@code name}'s checkpoint from {@code expected} to {@code position} in the caller's
   * transaction; a missing checkpoint counts as {@link Checkpoint#START}.
   *
   * @param what the checkpoint's owner, for the conflict's message: "the view cart_summary", say
   * @throws CheckpointConflictException if the stored checkpoint is not {@code expected}
   */
  public static Checkpoint advance(Connection connection, String what, String name, Checkpoint expected,
      long position) throws SQLException {
    Checkpoint next = expected.advancedTo(position);
    // One statement decides: a concurrent writer of the row is waited for, then the condition fails.
    try (PreparedStatement update = connection.prepareStatement("UPDATE eventsmith_runner_checkpoints "
        + "SET position = ?, fence = ? WHERE name = ? AND segment = ? AND position = ? AND fence = ?")) {
      update.setLong(1, next.position());
      update.setLong(2, next.fence());
      update.setString(3, name);
      update.setInt(4, WHOLE);
      update.setLong(5, expected.position());
      update.setLong(6, expected.fence());
      if (update.executeUpdate() == 1) {
        return next;
      }
    }
    if (expected.equals(Checkpoint.START)) {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventsmith_runner_checkpoints "
          + "(name, segment, position, fence) VALUES (?, ?, ?, ?) ON CONFLICT (name, segment) DO NOTHING")) {
        insert.setString(1, name);
        insert.setInt(2, WHOLE);
        insert.setLong(3, next.position());
        insert.setLong(4, next.fence());
        if (insert.executeUpdate() == 1) {
          return next;
        }
      }
    }
    throw new CheckpointConflictException(what, expected, read(connection, name).orElse(Checkpoint.START));
  }

  /** Moves {@code name}'s checkpoint back to position 0, with the fence one higher, in the caller's transaction. */
  public static Checkpoint restart(Connection connection, String name) throws SQLException {
    Checkpoint restarted = read(connection, name).orElse(Checkpoint.START).restarted();
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO eventsmith_runner_checkpoints "
        + "(name, segment, position, fence) VALUES (?, ?, 0, ?) ON CONFLICT (name, segment) "
        + "DO UPDATE SET position = 0, fence = eventsmith_runner_checkpoints.fence + 1")) {
      upsert.setString(1, name);
      upsert.setInt(2, WHOLE);
      upsert.setLong(3, restarted.fence());
      upsert.executeUpdate();
    }
    return read(connection, name).orElse(restarted);
  }
}
