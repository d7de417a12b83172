package dev.eventsmith.store.jdbc.internal;

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

/**
 * A view's rows and checkpoint in one database, committed in one transaction. Rows live in a
 * table named after the view, keys as text and rows as JSON through the view's {@link RowCodec}.
 */
public final class JdbcViewStore<K, V> implements ViewStore<K, V> {

  /** The view table's migrations in order; append new ones, never edit old ones. */
  private static final List<String> MIGRATIONS = List.of("view/V1__view.sql");

  private final JdbcDatabase database;
  private final Dialect dialect;
  private final String view;
  private final RowCodec<K, V> codec;
  private final String table;

  private JdbcViewStore(JdbcDatabase database, Dialect dialect, String view, RowCodec<K, V> codec) {
    this.database = database;
    this.dialect = dialect;
    this.view = view;
    this.codec = codec;
    this.table = "eventsmith_view_" + view;
  }

  /** Opens the view {@code view} in {@code database}, creating its table or bringing it up to date. */
  public static <K, V> JdbcViewStore<K, V> open(JdbcDatabase database, Dialect dialect, String view,
      RowCodec<K, V> codec) {
    ViewNames.check(view);
    Objects.requireNonNull(codec, "codec");
    Components.migrate(database, dialect, "view:" + view, MIGRATIONS, Map.of("view", view));
    return new JdbcViewStore<>(database, dialect, view, codec);
  }

  @Override
  public Optional<V> find(K key) {
    String text = codec.encodeKey(Objects.requireNonNull(key, "key"));
    return database.read("read the view " + view + " in", connection -> {
      try (PreparedStatement query = connection.prepareStatement("SELECT view_row FROM " + table + " WHERE view_key = ?")) {
        query.setString(1, text);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(decode(text, rows.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Map<K, V> all() {
    return database.read("read the view " + view + " in", connection -> {
      Map<K, V> all = new LinkedHashMap<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT view_key, view_row FROM " + table + " ORDER BY " + dialect.insertionOrder())) {
        while (rows.next()) {
          String key = rows.getString(1);
          all.put(codec.decodeKey(key), decode(key, rows.getString(2)));
        }
      }
      return Collections.unmodifiableMap(all);
    });
  }

  @Override
  public long checkpoint() {
    return database.read("read the checkpoint of the view " + view + " in", this::readCheckpoint);
  }

  @Override
  public void apply(Map<K, V> changedRows, long newCheckpoint) {
    database.inTransaction("apply events to the view " + view + " in", connection -> {
      long current = readCheckpoint(connection);
      if (newCheckpoint < current) {
        throw new IllegalArgumentException("a checkpoint never moves back: the view " + view + " is at " + current
            + ", asked for " + newCheckpoint + "; is another process running this projection?");
      }
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (view_key, view_row) "
          + "VALUES (?, " + dialect.jsonParameter() + ") ON CONFLICT (view_key) DO UPDATE SET view_row = excluded.view_row")) {
        for (Map.Entry<K, V> row : changedRows.entrySet()) {
          // Encoded inside the transaction: a codec that throws half-way leaves nothing behind.
          upsert.setString(1, codec.encodeKey(Objects.requireNonNull(row.getKey(), "key")));
          upsert.setString(2, codec.encodeRow(Objects.requireNonNull(row.getValue(), () -> "row of " + row.getKey())));
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      writeCheckpoint(connection, newCheckpoint);
      return null;
    });
  }

  @Override
  public void reset() {
    database.inTransaction("reset the view " + view + " in", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + table);
      }
      writeCheckpoint(connection, 0);
      return null;
    });
  }

  @Override
  public String toString() {
    return "view " + view + " in " + database.describe();
  }

  private V decode(String key, String json) {
    try {
      return codec.decodeRow(json);
    } catch (RuntimeException e) {
      throw new EventStoreException("the row of key " + key + " in the view " + view + " (" + database.describe()
          + ") does not decode: " + e.getMessage() + "; fix the view's RowCodec, or rebuild the view", e);
    }
  }

  private long readCheckpoint(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT position FROM eventsmith_checkpoints WHERE view_name = ?")) {
      query.setString(1, view);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new EventStoreException("the checkpoint of the view " + view + " is missing from "
              + database.describe() + "; someone deleted it: rebuild the view");
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
}
