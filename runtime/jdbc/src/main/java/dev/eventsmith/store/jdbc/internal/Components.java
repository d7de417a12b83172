package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.store.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an add-on part of a database (a view, the snapshots, the checkpoints) up to its newest
 * schema, one numbered script at a time, in one transaction. Kept apart from the event log's own
 * history because these parts may also live in a database without events.
 */
public final class Components {

  private static final Pattern SCRIPT = Pattern.compile("V([1-9][0-9]*)__.+\\.sql");

  private Components() {}

  /**
   * Runs the scripts of {@code component} (resources in the dialect's folder, in order, each named
   * V{n}__what.sql for the version n it brings the component to) that the database lacks. Versions
   * grow but need not be consecutive. Append new scripts, never edit old ones.
   */
  public static void migrate(JdbcDatabase database, Dialect dialect, String component, List<String> scripts,
      Map<String, String> placeholders) {
    database.inTransaction("set up " + component + " in", connection -> {
      dialect.lockMigrations(connection);
      run(connection, dialect, "components.sql", Map.of());
      int current = currentVersion(connection, component);
      int newest = version(scripts.get(scripts.size() - 1));
      if (current > newest) {
        throw new EventStoreException(component + " in " + database.describe() + " has schema version " + current
            + ", newer than this Eventsmith understands (" + newest + "); upgrade Eventsmith to open it");
      }
      for (String script : scripts) {
        if (version(script) > current) {
          run(connection, dialect, script, placeholders);
        }
      }
      if (current < newest) {
        try (PreparedStatement done = connection.prepareStatement("INSERT INTO eventsmith_components "
            + "(component, version, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP) "
            + "ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at")) {
          done.setString(1, component);
          done.setInt(2, newest);
          done.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The version a script brings its component to: the n of its file name, V{n}__what.sql. */
  static int version(String script) {
    Matcher name = SCRIPT.matcher(script.substring(script.lastIndexOf('/') + 1));
    if (!name.matches()) {
      throw new IllegalStateException("a migration is named V<n>__<what>.sql: " + script);
    }
    return Integer.parseInt(name.group(1));
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
