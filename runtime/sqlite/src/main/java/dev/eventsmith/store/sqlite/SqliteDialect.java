package dev.eventsmith.store.sqlite;

import dev.eventsmith.store.jdbc.internal.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** SQLite's SQL: ids as 16 bytes, times as microseconds, rows in rowid order. */
final class SqliteDialect implements Dialect {

  static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public String scripts() {
    return "/dev/eventsmith/store/sqlite/";
  }

  @Override
  public String jsonParameter() {
    return "?";
  }

  @Override
  public String insertionOrder() {
    // Upserts keep a row's rowid, so rowid order is the order keys first appeared in.
    return "rowid";
  }

  @Override
  public void lockMigrations(Connection connection) {
    // Store connections begin IMMEDIATE transactions: the transaction already holds the write lock.
  }

  @Override
  public void lockViewWrites(Connection connection, String table) {
    // As lockMigrations: an IMMEDIATE transaction is the file's only writer.
  }

  @Override
  public UUID eventId(ResultSet rows, int column) throws SQLException {
    return Uuids.fromBytes(rows.getBytes(column));
  }

  @Override
  public Instant recordedAt(ResultSet rows, int column) throws SQLException {
    return Micros.toInstant(rows.getLong(column));
  }
}
