package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A view's rows and checkpoint in an SQLite file (the event store's own file or another), committed
 * in one transaction: a projection applies every event exactly once, across crashes. Rows live in a
 * table named after the view, keys as text and rows as JSON through the caller's {@link RowCodec}.
 */
public final class SqliteViewStore<K, V> implements ViewStore<K, V>, AutoCloseable {

  /** The view table's migrations in order; append new ones, never edit old ones. */
  private static final List<String> MIGRATIONS = List.of("view/V1__view.sql");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private final SqliteFile file;
  private final String view;
  private final RowCodec<K, V> codec;
  private final Connection connection;
  private final String table;

  private SqliteViewStore(SqliteFile file, String view, RowCodec<K, V> codec, Connection connection) {
    this.file = file;
    this.view = view;
    this.codec = codec;
    this.connection = connection;
    this.table = "eventsmith_view_" + view;
  }

  /**
   * Opens the view {@code view} in {@code file}, creating its table or bringing it up to date.
   *
   * @param view the view's name, lower case letters, digits and '_' (it names the table)
   */
  public static <K, V> SqliteViewStore<K, V> open(Path file, String view, RowCodec<K, V> codec) {
    checkName(Objects.requireNonNull(view, "view"));
    Objects.requireNonNull(codec, "codec");
    SqliteFile sqlite = new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.FULL);
    sqlite.prepareDirectory();
    Connection connection = sqlite.openWriter();
    try {
      SqliteComponents.migrate(connection, sqlite.path(), "view:" + view, MIGRATIONS, Map.of("view", view));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw sqlite.failure("create the table of the view " + view + " in", (SQLException) e);
    }
    return new SqliteViewStore<>(sqlite, view, codec, connection);
  }

  static void checkName(String view) {
    if (!NAME.matcher(view).matches()) {
      throw new IllegalArgumentException("a view's name is 1 to 48 lower case letters, digits or '_', starting with "
          + "a letter, since it names a table; \"" + view + "\" is not, use e.g. \"cart_summaries\"");
    }
  }

  @Override
  public synchronized Optional<V> find(K key) {
    String text = codec.encodeKey(Objects.requireNonNull(key, "key"));
    try (PreparedStatement query = connection.prepareStatement("SELECT view_row FROM " + table + " WHERE view_key = ?")) {
      query.setString(1, text);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(decode(text, rows.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw file.failure("read the view " + view + " in", e);
    }
  }

  @Override
  public synchronized Map<K, V> all() {
    Map<K, V> all = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT view_key, view_row FROM " + table + " ORDER BY rowid")) {
      while (rows.next()) {
        String key = rows.getString(1);
        all.put(codec.decodeKey(key), decode(key, rows.getString(2)));
      }
    } catch (SQLException e) {
      throw file.failure("read the view " + view + " in", e);
    }
    return Collections.unmodifiableMap(all);
  }

  @Override
  public synchronized long checkpoint() {
    try {
      return readCheckpoint();
    } catch (SQLException e) {
      throw file.failure("read the checkpoint of the view " + view + " in", e);
    }
  }

  @Override
  public synchronized void apply(Map<K, V> changedRows, long newCheckpoint) {
    inTransaction("apply events to the view " + view + " in", () -> {
      long current = readCheckpoint();
      if (newCheckpoint < current) {
        throw new IllegalArgumentException("a checkpoint never moves back: the view " + view + " is at " + current
            + ", asked for " + newCheckpoint + "; is another process running this projection?");
      }
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (view_key, view_row) "
          + "VALUES (?, ?) ON CONFLICT (view_key) DO UPDATE SET view_row = excluded.view_row")) {
        for (Map.Entry<K, V> row : changedRows.entrySet()) {
          // Encoded inside the transaction: a codec that throws half-way leaves nothing behind.
          upsert.setString(1, codec.encodeKey(Objects.requireNonNull(row.getKey(), "key")));
          upsert.setString(2, codec.encodeRow(Objects.requireNonNull(row.getValue(), () -> "row of " + row.getKey())));
          upsert.executeUpdate();
        }
      }
      writeCheckpoint(newCheckpoint);
    });
  }

  @Override
  public synchronized void reset() {
    inTransaction("reset the view " + view + " in", () -> {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + table);
      }
      writeCheckpoint(0);
    });
  }

  /** Closes the view's connection; the file stays. */
  @Override
  public synchronized void close() {
    closeQuietly(connection, null);
  }

  @Override
  public String toString() {
    return "SqliteViewStore[" + view + " in " + file.path() + "]";
  }

  private V decode(String key, String json) {
    try {
      return codec.decodeRow(json);
    } catch (RuntimeException e) {
      throw new EventStoreException("the row of key " + key + " in the view " + view + " (" + file.path()
          + ") does not decode: " + e.getMessage() + "; fix the view's RowCodec, or rebuild the view", e);
    }
  }

  private long readCheckpoint() throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT position FROM eventsmith_checkpoints WHERE view_name = ?")) {
      query.setString(1, view);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new EventStoreException("the checkpoint of the view " + view + " is missing from " + file.path()
              + "; someone deleted it: rebuild the view");
        }
        return rows.getLong(1);
      }
    }
  }

  private void writeCheckpoint(long position) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE eventsmith_checkpoints SET position = ? WHERE view_name = ?")) {
      update.setLong(1, position);
      update.setString(2, view);
      update.executeUpdate();
    }
  }

  private void inTransaction(String doing, SqlWork work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw file.failure(doing, e);
    }
  }

  /** A unit of work inside one transaction. */
  interface SqlWork {
    void run() throws SQLException;
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
