package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the status table with the dialect's segment/status.sql, the query docs/scaling.md shows. */
public final class SegmentStatuses {

  private SegmentStatuses() {}

  /** Every runner's segments whose checkpoints are in {@code database}, by name and segment. */
  public static List<SegmentStatus> read(JdbcDatabase database, Dialect dialect) {
    String sql = SqlScripts.statements(dialect.scripts() + "segment/status.sql", Map.of()).get(0);
    return database.read("read the status of the runners in", connection -> {
      List<SegmentStatus> lines = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(sql.strip().replaceFirst(";$", ""));
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          double lagSeconds = Math.max(0, rows.getDouble(8));
          lines.add(new SegmentStatus(rows.getString(1), new Segment(rows.getInt(2), rows.getInt(3)),
              Optional.ofNullable(rows.getString(4)), time(rows, 5, dialect), rows.getLong(6), rows.getLong(7),
              Duration.ofNanos(Math.round(lagSeconds * 1e9)), Optional.ofNullable(rows.getString(9)),
              time(rows, 10, dialect)));
        }
      }
      return lines;
    });
  }

  private static Optional<Instant> time(ResultSet rows, int column, Dialect dialect) throws SQLException {
    return rows.getObject(column) == null ? Optional.empty() : Optional.of(dialect.recordedAt(rows, column));
  }
}
