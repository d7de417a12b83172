package dev.eventsmith.store.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** The SQL in which the JDBC stores differ; everything else is shared. */
public interface Dialect {

  /** The resource folder of the store's .sql scripts, with a trailing '/'. */
  String scripts();

  /** How a statement passes a JSON document into a view's row column, e.g. {@code ?::jsonb}. */
  String jsonParameter();

  /** The column of a view table that orders rows by when their keys first appeared. */
  String insertionOrder();

  /** Keeps other processes from migrating the same database until the open transaction ends. */
  void lockMigrations(Connection connection) throws SQLException;

  /**
   * Keeps other transactions from writing to {@code table} (and from taking this lock) until the
   * open transaction ends; readers go on.
   */
  void lockViewWrites(Connection connection, String table) throws SQLException;

  /** Reads an event id as the store keeps it. */
  UUID eventId(ResultSet rows, int column) throws SQLException;

  /** Reads a commit time as the store keeps it. */
  Instant recordedAt(ResultSet rows, int column) throws SQLException;
}
