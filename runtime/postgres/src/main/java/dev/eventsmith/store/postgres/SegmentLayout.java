package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a runner's keys are cut into segments, and how the cut changes: created once, then split and
 * merged segment by segment, each change in one transaction that locks the segments it changes and
 * revokes their leases (a new token, no owner), so no page worked under the old cut can commit.
 */
final class SegmentLayout {

  /** Two-key advisory locks (this, hashtext(name)) serialise the creation of one runner's layout. */
  private static final int LAYOUT_LOCK = 0x45766e74;

  private static final String NEXT_TOKEN = "nextval('eventsmith_segment_tokens')";

  private SegmentLayout() {}

  /**
   * Cuts {@code name} into {@code count} even segments, unless it is cut already. Each starts at
   * the runner's whole checkpoint (segment 0's) if it has one: a runner that ran unsplit carries on
   * split, applying nothing twice.
   */
  static void create(PostgresDatabase database, String name, int count) {
    new Segment(0, count);
    database.inTransaction("split " + name + " into segments in", connection -> {
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        lock.setInt(1, LAYOUT_LOCK);
        lock.setString(2, name);
        lock.execute();
      }
      if (!segments(connection, name).isEmpty()) {
        return null;
      }
      Optional<Checkpoint> whole = checkpoint(connection, name, 0);
      Checkpoint start = whole.map(c -> new Checkpoint(c.position(), c.fence() + 1)).orElse(Checkpoint.START);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventsmith_segments"
          + " (name, segment, segment_count, token) SELECT ?, g, ?, " + NEXT_TOKEN + " FROM generate_series(0, ? - 1) g")) {
        insert.setString(1, name);
        insert.setInt(2, count);
        insert.setInt(3, count);
        insert.executeUpdate();
      }
      for (int segment = 0; segment < count; segment++) {
        putCheckpoint(connection, name, segment, start);
      }
      return null;
    });
  }

  /** The segments of {@code name}, by index; empty if it is not split. */
  static List<Segment> segments(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT segment, segment_count FROM eventsmith_segments WHERE name = ? ORDER BY segment")) {
      query.setString(1, name);
      List<Segment> segments = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          segments.add(new Segment(rows.getInt(1), rows.getInt(2)));
        }
      }
      return segments;
    }
  }

  /**
   * Splits {@code segment} of {@code name} into its two halves, both starting at its checkpoint
   * (the half a merge had left ahead at that half's position): each key carries on where it was.
   */
  static List<Segment> split(Connection connection, String name, Segment segment) throws SQLException {
    SegmentCheckpoint at = lock(connection, name, segment);
    List<Segment> halves = segment.halves();
    revoke(connection, name, segment.index(), halves.get(0).count(), Optional.empty());
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventsmith_segments"
        + " (name, segment, segment_count, token) VALUES (?, ?, ?, " + NEXT_TOKEN + ")")) {
      insert.setString(1, name);
      insert.setInt(2, halves.get(1).index());
      insert.setInt(3, halves.get(1).count());
      insert.executeUpdate();
    }
    for (Segment half : halves) {
      long position = at.ahead().filter(a -> a.part().equals(half)).map(SegmentCheckpoint.Ahead::position)
          .orElse(at.checkpoint().position());
      putCheckpoint(connection, name, half.index(), new Checkpoint(position, at.checkpoint().fence() + 1));
    }
    return halves;
  }

  /**
   * Merges {@code half} of {@code name} with its sibling. The merged segment starts at the lower of
   * their checkpoints and remembers the other half's, so that half's keys skip the events they have.
   *
   * @throws IllegalStateException if either half still replays an earlier merge
   */
  static Segment merge(Connection connection, String name, Segment half) throws SQLException {
    Segment merged = half.merged();
    Segment low = new Segment(merged.index(), half.count());
    Segment high = low.sibling();
    SegmentCheckpoint first = lock(connection, name, low);
    SegmentCheckpoint second = lock(connection, name, high);
    for (SegmentCheckpoint at : List.of(first, second)) {
      if (at.ahead().isPresent()) {
        throw new IllegalStateException(at.segment() + " of " + name + " still replays an earlier merge, up to "
            + "position " + at.ahead().get().position() + " (it is at " + at.checkpoint().position() + "); merge it "
            + "once its checkpoint has passed that position");
      }
    }
    long from = Math.min(first.checkpoint().position(), second.checkpoint().position());
    Optional<SegmentCheckpoint.Ahead> ahead = Optional.empty();
    if (first.checkpoint().position() != second.checkpoint().position()) {
      SegmentCheckpoint further = first.checkpoint().position() > from ? first : second;
      ahead = Optional.of(new SegmentCheckpoint.Ahead(further.segment(), further.checkpoint().position()));
    }
    try (PreparedStatement drop = connection.prepareStatement(
        "DELETE FROM eventsmith_segments WHERE name = ? AND segment = ?");
        PreparedStatement dropCheckpoint = connection.prepareStatement(
            "DELETE FROM eventsmith_runner_checkpoints WHERE name = ? AND segment = ?")) {
      for (PreparedStatement statement : List.of(drop, dropCheckpoint)) {
        statement.setString(1, name);
        statement.setInt(2, high.index());
        statement.executeUpdate();
      }
    }
    revoke(connection, name, merged.index(), merged.count(), ahead);
    long fence = Math.max(first.checkpoint().fence(), second.checkpoint().fence()) + 1;
    putCheckpoint(connection, name, merged.index(), new Checkpoint(from, fence));
    return merged;
  }

  /** Locks {@code segment}'s row, waiting for a page being committed under it; answers where it stands. */
  private static SegmentCheckpoint lock(Connection connection, String name, Segment segment) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT s.segment_count, s.ahead_segment,"
        + " s.ahead_position, c.position, c.fence FROM eventsmith_segments s JOIN eventsmith_runner_checkpoints c"
        + " ON c.name = s.name AND c.segment = s.segment WHERE s.name = ? AND s.segment = ? FOR UPDATE")) {
      query.setString(1, name);
      query.setInt(2, segment.index());
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next() || rows.getInt(1) != segment.count()) {
          throw new IllegalArgumentException(name + " has no " + segment + "; its segments are "
              + segments(connection, name));
        }
        return new SegmentCheckpoint(segment, new Checkpoint(rows.getLong(4), rows.getLong(5)),
            LeasedCheckpoints.ahead(segment, rows.getObject(2, Integer.class), rows.getObject(3, Long.class)));
      }
    }
  }

  /** Gives segment {@code index} a new count and a new token with no owner: whoever held it has lost it. */
  private static void revoke(Connection connection, String name, int index, int count,
      Optional<SegmentCheckpoint.Ahead> ahead) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE eventsmith_segments SET segment_count = ?,"
        + " owner = NULL, expires_at = NULL, token = " + NEXT_TOKEN + ", ahead_segment = ?, ahead_position = ?"
        + " WHERE name = ? AND segment = ?")) {
      update.setInt(1, count);
      update.setObject(2, ahead.map(a -> a.part().index()).orElse(null), Types.INTEGER);
      update.setObject(3, ahead.map(SegmentCheckpoint.Ahead::position).orElse(null), Types.BIGINT);
      update.setString(4, name);
      update.setInt(5, index);
      update.executeUpdate();
    }
  }

  private static Optional<Checkpoint> checkpoint(Connection connection, String name, int segment) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT position, fence FROM eventsmith_runner_checkpoints"
        + " WHERE name = ? AND segment = ? FOR UPDATE")) {
      query.setString(1, name);
      query.setInt(2, segment);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(new Checkpoint(rows.getLong(1), rows.getLong(2))) : Optional.empty();
      }
    }
  }

  private static void putCheckpoint(Connection connection, String name, int segment, Checkpoint checkpoint)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO eventsmith_runner_checkpoints"
        + " (name, segment, position, fence) VALUES (?, ?, ?, ?) ON CONFLICT (name, segment)"
        + " DO UPDATE SET position = excluded.position,"
        // The fence only grows, whatever a row left behind by an earlier cut said.
        + " fence = greatest(eventsmith_runner_checkpoints.fence + 1, excluded.fence)")) {
      upsert.setString(1, name);
      upsert.setInt(2, segment);
      upsert.setLong(3, checkpoint.position());
      upsert.setLong(4, checkpoint.fence());
      upsert.executeUpdate();
    }
  }
}
