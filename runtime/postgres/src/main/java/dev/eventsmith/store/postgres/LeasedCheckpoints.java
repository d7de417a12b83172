package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.LeaseLostException;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of a segmented runner's segments (eventsmith_runner_checkpoints), read and moved
 * only under the segments' leases (eventsmith_segments), on the caller's connection: a view's rows
 * commit in the same transaction.
 */
final class LeasedCheckpoints {

  private static final String READ = "SELECT s.segment, s.segment_count, s.token, s.ahead_segment, s.ahead_position,"
      + " c.position, c.fence FROM eventsmith_segments s JOIN eventsmith_runner_checkpoints c"
      + " ON c.name = s.name AND c.segment = s.segment WHERE s.name = ? AND s.segment = ANY(?)";

  // FOR SHARE: a claim, split or merge of the segment waits until this page commits, and a page
  // whose lease was taken over finds the token changed and writes nothing.
  private static final String HOLD = "SELECT 1 FROM eventsmith_segments WHERE name = ? AND segment = ? AND token = ?"
      + " FOR SHARE";

  private static final String MOVE = "UPDATE eventsmith_runner_checkpoints SET position = ?, fence = ?"
      + " WHERE name = ? AND segment = ? AND position = ? AND fence = ?";

  private static final String PASSED = "UPDATE eventsmith_segments SET ahead_segment = NULL, ahead_position = NULL"
      + " WHERE name = ? AND segment = ?";

  private LeasedCheckpoints() {}

  /**
   * Where each leased segment stands, in the order of {@code leases}.
   *
   * @throws LeaseLostException if a segment is no longer held under its lease's token
   */
  static List<SegmentCheckpoint> read(Connection connection, String name, List<Lease> leases) throws SQLException {
    Map<Integer, SegmentCheckpoint> found = new HashMap<>();
    Map<Integer, Long> tokens = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(READ)) {
      query.setString(1, name);
      query.setArray(2, connection.createArrayOf("int4",
          leases.stream().map(l -> l.segment().index()).toArray(Integer[]::new)));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Segment segment = new Segment(rows.getInt(1), rows.getInt(2));
          tokens.put(segment.index(), rows.getLong(3));
          found.put(segment.index(), new SegmentCheckpoint(segment, new Checkpoint(rows.getLong(6), rows.getLong(7)),
              ahead(segment, rows.getObject(4, Integer.class), rows.getObject(5, Long.class))));
        }
      }
    }
    List<SegmentCheckpoint> checkpoints = new ArrayList<>();
    for (Lease lease : leases) {
      SegmentCheckpoint at = found.get(lease.segment().index());
      if (at == null || !at.segment().equals(lease.segment()) || tokens.get(lease.segment().index()) != lease.token()) {
        throw new LeaseLostException(name, lease);
      }
      checkpoints.add(at);
    }
    return checkpoints;
  }

  static Optional<SegmentCheckpoint.Ahead> ahead(Segment segment, Integer part, Long position) {
    return part == null ? Optional.empty()
        : Optional.of(new SegmentCheckpoint.Ahead(new Segment(part, segment.count() * 2), position));
  }

  /**
   * Moves the checkpoint of every page's segment to {@code newPosition}, each only while its lease
   * holds and it is still where the page started, in the caller's transaction.
   *
   * @return the new checkpoints, in the order of {@code pages}
   * @throws LeaseLostException if a segment is no longer held under its page's lease
   * @throws CheckpointConflictException if a segment's checkpoint moved since its page was read
   */
  static List<SegmentCheckpoint> commit(Connection connection, String name, List<? extends SegmentPage<?>> pages,
      long newPosition) throws SQLException {
    // Segment order: two transactions lock the rows they share in one order, and never deadlock.
    List<SegmentPage<?>> ordered = new ArrayList<>(pages);
    ordered.sort(Comparator.comparingInt(p -> p.lease().segment().index()));
    Map<SegmentPage<?>, SegmentCheckpoint> moved = new HashMap<>();
    try (PreparedStatement hold = connection.prepareStatement(HOLD);
        PreparedStatement move = connection.prepareStatement(MOVE);
        PreparedStatement passed = connection.prepareStatement(PASSED)) {
      for (SegmentPage<?> page : ordered) {
        int segment = page.lease().segment().index();
        hold.setString(1, name);
        hold.setInt(2, segment);
        hold.setLong(3, page.lease().token());
        try (ResultSet held = hold.executeQuery()) {
          if (!held.next()) {
            throw new LeaseLostException(name, page.lease());
          }
        }
        Checkpoint expected = page.from().checkpoint();
        Checkpoint next = expected.advancedTo(newPosition);
        move.setLong(1, next.position());
        move.setLong(2, next.fence());
        move.setString(3, name);
        move.setInt(4, segment);
        move.setLong(5, expected.position());
        move.setLong(6, expected.fence());
        if (move.executeUpdate() != 1) {
          throw new CheckpointConflictException(name + " " + page.lease().segment(), expected,
              read(connection, name, List.of(page.lease())).get(0).checkpoint());
        }
        SegmentCheckpoint after = page.from().advancedTo(next);
        if (page.from().ahead().isPresent() && after.ahead().isEmpty()) {
          passed.setString(1, name);
          passed.setInt(2, segment);
          passed.executeUpdate();
        }
        moved.put(page, after);
      }
    }
    return pages.stream().map(moved::get).toList();
  }
}
