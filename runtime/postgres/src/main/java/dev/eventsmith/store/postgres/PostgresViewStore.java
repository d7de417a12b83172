package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
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
import javax.sql.DataSource;

/**
 * A view's rows and checkpoint in PostgreSQL (the events' database or another), committed in one
 * transaction: a projection applies every event exactly once, across crashes. Rows live in a table
 * named after the view, keys as text and rows as jsonb through the caller's {@link RowCodec}.
 */
public final class PostgresViewStore<K, V> implements ViewStore<K, V> {

  /** The view table's migrations in order; append new ones, never edit old ones. */
  private static final List<String> MIGRATIONS = List.of("view/V1__view.sql");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private final PostgresDatabase database;
  private final String view;
  private final RowCodec<K, V> codec;
  private final String table;

  private PostgresViewStore(PostgresDatabase database, String view, RowCodec<K, V> codec) {
    this.database = database;
    this.view = view;
    this.codec = codec;
    this.table = "eventsmith_view_" + view;
  }

  /**
   * Opens the view {@code view} in the database behind {@code dataSource}, creating its table or
   * bringing it up to date. The DataSource stays the caller's to close.
   *
   * @param view the view's name, lower case letters, digits and '_' (it names the table)
   */
  public static <K, V> PostgresViewStore<K, V> open(DataSource dataSource, String view, RowCodec<K, V> codec) {
    Objects.requireNonNull(view, "view");
    if (!NAME.matcher(view).matches()) {
      throw new IllegalArgumentException("a view's name is 1 to 48 lower case letters, digits or '_', starting with "
          + "a letter, since it names a table; \"" + view + "\" is not, use e.g. \"cart_summaries\"");
    }
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    try (Connection connection = database.connect()) {
      PostgresComponents.migrate(connection, "view:" + view, MIGRATIONS, Map.of("view", view));
    } catch (SQLException e) {
      throw database.failure("create the table of the view " + view + " in", e);
    }
    return new PostgresViewStore<>(database, view, Objects.requireNonNull(codec, "codec"));
  }

  @Override
  public Optional<V> find(K key) {
    String text = codec.encodeKey(Objects.requireNonNull(key, "key"));
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("SELECT view_row::text FROM " + table + " WHERE view_key = ?")) {
      query.setString(1, text);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(decode(text, rows.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw database.failure("read the view " + view + " of", e);
    }
  }

  @Override
  public Map<K, V> all() {
    Map<K, V> all = new LinkedHashMap<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT view_key, view_row::text FROM " + table + " ORDER BY seq")) {
      while (rows.next()) {
        String key = rows.getString(1);
        all.put(codec.decodeKey(key), decode(key, rows.getString(2)));
      }
    } catch (SQLException e) {
      throw database.failure("read the view " + view + " of", e);
    }
    return Collections.unmodifiableMap(all);
  }

  @Override
  public long checkpoint() {
    try (Connection connection = database.connect()) {
      return readCheckpoint(connection, "");
    } catch (SQLException e) {
      throw database.failure("read the checkpoint of the view " + view + " of", e);
    }
  }

  @Override
  public void apply(Map<K, V> changedRows, long newCheckpoint) {
    inTransaction("apply events to the view " + view + " of", connection -> {
      // Locks the checkpoint row: a second process applying the same view waits here, then sees our checkpoint.
      long current = readCheckpoint(connection, " FOR UPDATE");
      if (newCheckpoint < current) {
        throw new IllegalArgumentException("a checkpoint never moves back: the view " + view + " is at " + current
            + ", asked for " + newCheckpoint + "; is another process running this projection?");
      }
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (view_key, view_row) "
          + "VALUES (?, ?::jsonb) ON CONFLICT (view_key) DO UPDATE SET view_row = excluded.view_row")) {
        for (Map.Entry<K, V> row : changedRows.entrySet()) {
          // Encoded inside the transaction: a codec that throws half-way leaves nothing behind.
          upsert.setString(1, codec.encodeKey(Objects.requireNonNull(row.getKey(), "key")));
          upsert.setString(2, codec.encodeRow(Objects.requireNonNull(row.getValue(), () -> "row of " + row.getKey())));
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      writeCheckpoint(connection, newCheckpoint);
    });
  }

  @Override
  public void reset() {
    inTransaction("reset the view " + view + " of", connection -> {
      readCheckpoint(connection, " FOR UPDATE");
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + table);
      }
      writeCheckpoint(connection, 0);
    });
  }

  @Override
  public String toString() {
    return "PostgresViewStore[" + view + "]";
  }

  private V decode(String key, String json) {
    try {
      return codec.decodeRow(json);
    } catch (RuntimeException e) {
      throw new EventStoreException("the row of key " + key + " in the view " + view + " (table " + table
          + ") does not decode: " + e.getMessage() + "; fix the view's RowCodec, or rebuild the view", e);
    }
  }

  private long readCheckpoint(Connection connection, String lock) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT position FROM eventsmith_checkpoints WHERE view_name = ?" + lock)) {
      query.setString(1, view);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new EventStoreException("the checkpoint of the view " + view
              + " is missing from eventsmith_checkpoints; someone deleted it: rebuild the view");
        }
        return rows.getLong(1);
      }
    }
  }

  private void writeCheckpoint(Connection connection, long position) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE eventsmith_checkpoints SET position = ? WHERE view_name = ?")) {
      update.setLong(1, position);
      update.setString(2, view);
      update.executeUpdate();
    }
  }

  private void inTransaction(String doing, SqlWork work) {
    try (Connection connection = database.connect()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw database.failure(doing, e);
    }
  }

  /** A unit of work inside one transaction. */
  interface SqlWork {
    void run(Connection connection) throws SQLException;
  }
}
