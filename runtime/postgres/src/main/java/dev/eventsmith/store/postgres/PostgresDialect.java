package dev.eventsmith.store.postgres;

import dev.eventsmith.store.jdbc.internal.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** PostgreSQL's SQL: uuid, timestamptz and jsonb columns, migrations under an advisory lock. */
final class PostgresDialect implements Dialect {

  static final PostgresDialect INSTANCE = new PostgresDialect();

  /** Another fixed number than the event log's: add-on parts migrate under their own lock. */
  private static final long MIGRATION_LOCK = 0x4576656e74736d6aL;

  private PostgresDialect() {}

  @Override
  public String scripts() {
    return "/dev/eventsmith/store/postgres/";
  }

  @Override
  public String jsonParameter() {
    return "?::jsonb";
  }

  @Override
  public String insertionOrder() {
    // An identity column that upserts keep: the order keys first appeared in.
    return "seq";
  }

  @Override
  public void lockMigrations(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
    }
  }

  @Override
  public void lockViewWrites(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // Conflicts with the ROW EXCLUSIVE lock every INSERT, UPDATE and DELETE takes and with itself, not with readers.
      statement.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
    }
  }

  @Override
  public UUID eventId(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, UUID.class);
  }

  @Override
  public Instant recordedAt(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
