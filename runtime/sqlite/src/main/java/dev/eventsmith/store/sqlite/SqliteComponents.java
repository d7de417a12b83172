package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Brings an add-on part of a file (a view, the snapshots) up to its newest schema, one numbered
 * script at a time, as {@link SqliteSchema} does for the event log. Scripts may hold ${name}
 * placeholders, so one script serves every view.
 */
final class SqliteComponents {

  private SqliteComponents() {}

  /** Runs, in one write transaction, the scripts of {@code component} that {@code connection}'s file lacks. */
  static void migrate(Connection connection, Path file, String component, List<String> scripts,
      Map<String, String> placeholders) throws SQLException {
    connection.setAutoCommit(false); // the writer connection begins IMMEDIATE: no other process migrates meanwhile
    try {
      run(connection, "components.sql", Map.of());
      int current = currentVersion(connection, component);
      if (current > scripts.size()) {
        throw new EventStoreException(component + " in " + file + " has schema version " + current
            + ", newer than this Eventsmith understands (" + scripts.size() + "); upgrade Eventsmith to open it");
      }
      for (int version = current + 1; version <= scripts.size(); version++) {
        run(connection, scripts.get(version - 1), placeholders);
      }
      if (current < scripts.size()) {
        try (PreparedStatement done = connection.prepareStatement("INSERT INTO eventsmith_components "
            + "(component, version, applied_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at")) {
          done.setString(1, component);
          done.setInt(2, scripts.size());
          done.setString(3, Instant.now().toString());
          done.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static int currentVersion(Connection connection, String component) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT coalesce(max(version), 0) FROM eventsmith_components WHERE component = ?")) {
      query.setString(1, component);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static void run(Connection connection, String script, Map<String, String> placeholders) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlScript.statements("/dev/eventsmith/store/sqlite/" + script)) {
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
          sql = sql.replace("${" + p.getKey() + "}", p.getValue());
        }
        statement.executeUpdate(sql);
      }
    }
  }
}
