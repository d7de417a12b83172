package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.jdbc.internal.SqlScripts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Brings the database's schema up to the newest version this code knows, one numbered script at a time. */
final class PostgresSchema {

  /** The migrations in order; V{n} is schema version n. Append new ones, never edit old ones. */
  private static final List<String> MIGRATIONS = List.of("V1__events.sql", "V2__unique_event_ids.sql",
      "V3__event_tags.sql");

  /** Any fixed number: every store that opens takes this lock, so two never migrate at once. */
  private static final long MIGRATION_LOCK = 0x4576656e74736d69L;

  /** pg_current_xact_id() and pg_current_snapshot() arrived in PostgreSQL 13. */
  private static final int OLDEST_SERVER = 130000;

  static final String DUPLICATE_IDS = "cannot make event ids unique: the store holds events that share an id "
      + "(written before ids were checked). List them with SELECT event_id, count(*) FROM eventsmith_events GROUP BY "
      + "event_id HAVING count(*) > 1; give every copy but the first a new id (UPDATE eventsmith_events SET event_id "
      + "= gen_random_uuid() WHERE position = ...), then open the store again";

  private PostgresSchema() {}

  static void migrate(Connection connection) throws SQLException {
    checkServerVersion(connection);
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      statement.execute(load("schema-history.sql"));
      int current = currentVersion(statement);
      if (current > MIGRATIONS.size()) {
        throw new EventStoreException("the database has event store schema version " + current
            + ", newer than this Eventsmith understands (" + MIGRATIONS.size() + "); upgrade Eventsmith");
      }
      for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
        try {
          statement.execute(load(MIGRATIONS.get(version - 1)));
        } catch (SQLException e) {
          if (version == 2 && "23505".equals(e.getSQLState())) {
            throw new EventStoreException(DUPLICATE_IDS, e);
          }
          throw e;
        }
        statement.execute("INSERT INTO eventsmith_schema (version) VALUES (" + version + ")");
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void checkServerVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
      rows.next();
      if (rows.getInt(1) < OLDEST_SERVER) {
        throw new EventStoreException("the event store needs PostgreSQL 13 or newer (for pg_current_xact_id), "
            + "but the server is version " + rows.getInt(1) + "; upgrade the server");
      }
    }
  }

  private static int currentVersion(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM eventsmith_schema")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String load(String script) {
    return SqlScripts.text(PostgresDialect.INSTANCE.scripts() + script);
  }
}
