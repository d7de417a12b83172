package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Brings an add-on part of the database (a view, the snapshots) up to its newest schema, one
 * numbered script at a time, as {@link PostgresSchema} does for the event log. Scripts may hold
 * ${name} placeholders, so one script serves every view.
 */
final class PostgresComponents {

  /** Another fixed number than the event log's: parts migrate under their own lock. */
  private static final long MIGRATION_LOCK = 0x4576656e74736d6aL;

  private PostgresComponents() {}

  static void migrate(Connection connection, String component, List<String> scripts, Map<String, String> placeholders)
      throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      statement.execute(Sql.load("components.sql"));
      int current = currentVersion(connection, component);
      if (current > scripts.size()) {
        throw new EventStoreException(component + " has schema version " + current
            + ", newer than this Eventsmith understands (" + scripts.size() + "); upgrade Eventsmith");
      }
      for (int version = current + 1; version <= scripts.size(); version++) {
        String sql = Sql.load(scripts.get(version - 1));
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
          sql = sql.replace("${" + p.getKey() + "}", p.getValue());
        }
        statement.execute(sql);
      }
      if (current < scripts.size()) {
        try (PreparedStatement done = connection.prepareStatement("INSERT INTO eventsmith_components (component, version) "
            + "VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()")) {
          done.setString(1, component);
          done.setInt(2, scripts.size());
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
}
