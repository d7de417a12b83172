package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.store.EventStoreException;
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

  private static final List<String> MIGRATIONS =
      List.of("checkpoint/V1__checkpoints.sql", "checkpoint/V20__issued_commands.sql");

  /** The table of segments and leases of runners split across instances; see {@link #isSplit}. */
  private static final List<String> SEGMENT_MIGRATIONS = List.of("segment/V40__segments.sql");

  /** Whether a runner is split into segments: then its checkpoints move only under leases. */
  private static final String SPLIT = "SELECT 1 FROM eventsmith_segments WHERE name = ? "
      + "AND (segment_count > 1 OR ahead_position IS NOT NULL) LIMIT 1";

  /** Segment 0: the whole log, while runners are not split into segments. */
  private static final int WHOLE = 0;

  private JdbcCheckpoints() {}

  /** Creates the checkpoint table in {@code database} if needed. */
  public static void migrate(JdbcDatabase database, Dialect dialect) {
    Components.migrate(database, dialect, "checkpoints", MIGRATIONS, Map.of());
    Components.migrate(database, dialect, "segments", SEGMENT_MIGRATIONS, Map.of());
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
    // A runner split into segments moves its checkpoints under leases, never here (see isSplit()).
    try (PreparedStatement update = connection.prepareStatement("UPDATE eventsmith_runner_checkpoints "
        + "SET position = ?, fence = ? WHERE name = ? AND segment = ? AND position = ? AND fence = ? "
        + "AND NOT EXISTS (" + SPLIT + ")")) {
      update.setLong(1, next.position());
      update.setLong(2, next.fence());
      update.setString(3, name);
      update.setInt(4, WHOLE);
      update.setLong(5, expected.position());
      update.setLong(6, expected.fence());
      update.setString(7, name);
      if (update.executeUpdate() == 1) {
        return next;
      }
    }
    if (isSplit(connection, name)) {
      throw new EventStoreException(what + " is split into segments (see eventsmith_segments), so only a segmented "
          + "runner may move its checkpoints: run it with SegmentedProjection or SegmentedAutomation, or merge it "
          + "back into one segment first");
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

  /**
   * Moves {@code name}'s checkpoint back to position 0, with the fence one higher, in the caller's
   * transaction; if the runner is split into segments, every segment's checkpoint, and what the
   * segments remembered of a merge.
   */
  public static Checkpoint restart(Connection connection, String name) throws SQLException {
    try (PreparedStatement restart = connection.prepareStatement(
        "UPDATE eventsmith_runner_checkpoints SET position = 0, fence = fence + 1 WHERE name = ?");
        PreparedStatement forget = connection.prepareStatement(
            "UPDATE eventsmith_segments SET ahead_segment = NULL, ahead_position = NULL WHERE name = ?")) {
      restart.setString(1, name);
      restart.executeUpdate();
      forget.setString(1, name);
      forget.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventsmith_runner_checkpoints "
        + "(name, segment, position, fence) VALUES (?, ?, 0, ?) ON CONFLICT (name, segment) DO NOTHING")) {
      insert.setString(1, name);
      insert.setInt(2, WHOLE);
      insert.setLong(3, Checkpoint.START.restarted().fence());
      insert.executeUpdate();
    }
    return read(connection, name).orElseThrow();
  }

  /**
   * Whether {@code name} is split into segments (or its one segment still replays a merge): then
   * its checkpoints move only under leases, never by {@link #advance}.
   */
  public static boolean isSplit(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SPLIT)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
