package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.store.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Brings an add-on part of a database (a view, the snapshots, the checkpoints) up to its newest
 * schema, one numbered script at a time, in one transaction. Kept apart from the event log's own
 * history because these parts may also live in a database without events.
 */
public final class Components {

  private Components() {}

  /**
   * Runs the scripts of {@code component} (resources in the dialect's folder; V{n} is the n-th)
   * that the database lacks. Append new scripts, never edit old ones.
   */
  public static void migrate(JdbcDatabase database, Dialect dialect, String component, List<String> scripts,
      Map<String, String> placeholders) {
    database.inTransaction("set up " + component + " in", connection -> {
      dialect.lockMigrations(connection);
      run(connection, dialect, "components.sql", Map.of());
      int current = currentVersion(connection, component);
      if (current > scripts.size()) {
        throw new EventStoreException(component + " in " + database.describe() + " has schema version " + current
            + ", newer than this Eventsmith understands (" + scripts.size() + "); upgrade Eventsmith to open it");
      }
      for (int version = current + 1; version <= scripts.size(); version++) {
        run(connection, dialect, scripts.get(version - 1), placeholders);
      }
      if (current < scripts.size()) {
        try (PreparedStatement done = connection.prepareStatement("INSERT INTO eventsmith_components "
            + "(component, version, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP) "
            + "ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at")) {
          done.setString(1, component);
          done.setInt(2, scripts.size());
          done.executeUpdate();
        }
      }
      return null;
    });
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

  /** Runs one script of the dialect's folder on {@code connection}. */
  public static void run(Connection connection, Dialect dialect, String script, Map<String, String> placeholders)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlScripts.statements(dialect.scripts() + script, placeholders)) {
        statement.execute(sql);
      }
    }
  }
}
