package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.jdbc.internal.Components;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Brings a store file's schema up to the newest version this code knows, one numbered script at a time. */
final class SqliteSchema {

  /** The migrations in order; V{n} is schema version n. Append new ones, never edit old ones. */
  private static final List<String> MIGRATIONS = List.of("V1__events.sql", "V2__unique_event_ids.sql",
      "V3__event_tags.sql");

  static final String DUPLICATE_IDS = "cannot make event ids unique: the store holds events that share an id "
      + "(written before ids were checked). List them with SELECT hex(event_id), count(*) FROM events GROUP BY "
      + "event_id HAVING count(*) > 1; give every copy but the first a new id (UPDATE events SET event_id = "
      + "randomblob(16) WHERE position = ...), then open the store again";

  private SqliteSchema() {}

  static void migrate(Connection connection, Path file) throws SQLException {
    run(connection, "schema-history.sql");
    int current = currentVersion(connection);
    if (current > MIGRATIONS.size()) {
      throw new EventStoreException("the event store " + file + " has schema version " + current
          + ", newer than this Eventsmith understands (" + MIGRATIONS.size() + "); upgrade Eventsmith to open it");
    }
    for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
      apply(connection, version);
    }
  }

  private static void apply(Connection connection, int version) throws SQLException {
    connection.setAutoCommit(false);
    try {
      // Re-check inside the write transaction: another process may have migrated meanwhile.
      if (currentVersion(connection) >= version) {
        connection.rollback();
        return;
      }
      try {
        run(connection, MIGRATIONS.get(version - 1));
      } catch (SQLException e) {
        if (version == 2 && String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")) {
          throw new EventStoreException(DUPLICATE_IDS, e);
        }
        throw e;
      }
      try (PreparedStatement done = connection.prepareStatement(
          "INSERT INTO eventsmith_schema (version, applied_at) VALUES (?, ?)")) {
        done.setInt(1, version);
        done.setString(2, Instant.now().toString());
        done.executeUpdate();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM eventsmith_schema")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void run(Connection connection, String script) throws SQLException {
    Components.run(connection, SqliteDialect.INSTANCE, script, Map.of());
  }
}
