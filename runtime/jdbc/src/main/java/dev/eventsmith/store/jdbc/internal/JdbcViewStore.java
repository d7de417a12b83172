package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
  private static final List<String> MIGRATIONS = List.of("view/V1__view.sql", "view/V2__fenced_checkpoint.sql",
      "view/V3__lookups.sql", "view/V4__declared_lookups.sql");

  /** How many rows a rebuild of the lookup index reads and indexes at a time. */
  private static final int BACKFILL_BATCH = 500;

  private final JdbcDatabase database;
  private final Dialect dialect;
  private final String view;
  private final RowCodec<K, V> codec;
  private final String table;
  private final String lookupTable;
  private final String checkpointName;

  private JdbcViewStore(JdbcDatabase database, Dialect dialect, String view, RowCodec<K, V> codec) {
    this.database = database;
    this.dialect = dialect;
    this.view = view;
    this.codec = codec;
    this.table = "eventsmith_view_" + view;
    this.lookupTable = "eventsmith_look_" + view;
    this.checkpointName = "view:" + view;
  }

  /** Opens the view {@code view} in {@code database}, creating its table or bringing it up to date. */
  public static <K, V> JdbcViewStore<K, V> open(JdbcDatabase database, Dialect dialect, String view,
      RowCodec<K, V> codec) {
    ViewNames.check(view);
    Objects.requireNonNull(codec, "codec");
    JdbcCheckpoints.migrate(database, dialect);
    Components.migrate(database, dialect, "view:" + view, MIGRATIONS, Map.of("view", view));
    JdbcViewStore<K, V> store = new JdbcViewStore<>(database, dialect, view, codec);
    store.reconcileLookups();
    return store;
  }

  /**
   * Brings the lookup index in line with the lookups the codec declares, as recorded per view in
   * eventsmith_view_lookups: a lookup declared anew or at another version is indexed from the
   * stored rows (rows written before it was declared, by older code or before V3, included), one
   * no longer declared loses its entries. One transaction that keeps writers of the view out, so a
   * page applied meanwhile is indexed either by it or after it, and a second instance opening the
   * view at the same time finds the work done.
   */
  private void reconcileLookups() {
    Map<String, Lookup<V>> declared = declaredLookups();
    if (recordedLookups(null).equals(versions(declared))) {
      return;
    }
    database.inTransaction("rebuild the lookup index of the view " + view + " in", connection -> {
      dialect.lockViewWrites(connection, table);
      Map<String, String> recorded = recordedLookups(connection);
      List<Lookup<V>> stale = new ArrayList<>();
      for (Lookup<V> lookup : declared.values()) {
        if (!lookup.version().equals(recorded.get(lookup.name()))) {
          stale.add(lookup);
        }
      }
      try (PreparedStatement drop = connection.prepareStatement("DELETE FROM " + lookupTable + " WHERE lookup = ?");
          PreparedStatement forget = connection.prepareStatement(
              "DELETE FROM eventsmith_view_lookups WHERE view_name = ? AND lookup = ?");
          PreparedStatement remember = connection.prepareStatement("INSERT INTO eventsmith_view_lookups "
              + "(view_name, lookup, version) VALUES (?, ?, ?) "
              + "ON CONFLICT (view_name, lookup) DO UPDATE SET version = excluded.version")) {
        for (String name : recorded.keySet()) {
          if (!declared.containsKey(name)) {
            drop.setString(1, name);
            drop.executeUpdate();
            forget.setString(1, view);
            forget.setString(2, name);
            forget.executeUpdate();
          }
        }
        for (Lookup<V> lookup : stale) {
          drop.setString(1, lookup.name());
          drop.executeUpdate();
          remember.setString(1, view);
          remember.setString(2, lookup.name());
          remember.setString(3, lookup.version());
          remember.executeUpdate();
        }
        // Entries no record accounts for: written meanwhile by an instance of code from before V4, say.
        try (PreparedStatement orphans = connection.prepareStatement("DELETE FROM " + lookupTable
            + " WHERE lookup NOT IN (SELECT lookup FROM eventsmith_view_lookups WHERE view_name = ?)")) {
          orphans.setString(1, view);
          orphans.executeUpdate();
        }
      }
      if (!stale.isEmpty()) {
        backfill(connection, stale);
      }
      return null;
    });
  }

  /** The codec's lookups by name; two of one name are refused, since the index could not tell them apart. */
  private Map<String, Lookup<V>> declaredLookups() {
    Map<String, Lookup<V>> declared = new LinkedHashMap<>();
    for (Lookup<V> lookup : codec.lookups()) {
      if (declared.put(lookup.name(), lookup) != null) {
        throw new IllegalArgumentException("the row codec of the view " + view + " declares the lookup "
            + lookup.name() + " twice; give each lookup its own name");
      }
    }
    return declared;
  }

  private static <V> Map<String, String> versions(Map<String, Lookup<V>> lookups) {
    Map<String, String> versions = new HashMap<>();
    lookups.forEach((name, lookup) -> versions.put(name, lookup.version()));
    return versions;
  }

  /** The lookups the index was built for, by name, with their versions; on {@code connection}, or a read of its own if null. */
  private Map<String, String> recordedLookups(Connection connection) {
    SqlWork<Map<String, String>> read = c -> {
      Map<String, String> recorded = new HashMap<>();
      try (PreparedStatement query = c.prepareStatement(
          "SELECT lookup, version FROM eventsmith_view_lookups WHERE view_name = ?")) {
        query.setString(1, view);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            recorded.put(rows.getString(1), rows.getString(2));
          }
        }
      }
      return recorded;
    };
    if (connection == null) {
      return database.read("read the lookups of the view " + view + " in", read);
    }
    try {
      return read.run(connection);
    } catch (SQLException e) {
      throw database.failure("read the lookups of the view " + view + " in", e);
    }
  }

  /** Indexes {@code lookups} for every stored row, a batch at a time, in the caller's transaction. */
  private void backfill(Connection connection, List<Lookup<V>> lookups) throws SQLException {
    Map<String, String> batch = new LinkedHashMap<>();
    try (Statement scan = connection.createStatement()) {
      scan.setFetchSize(BACKFILL_BATCH);
      try (ResultSet rows = scan.executeQuery("SELECT view_key, view_row FROM " + table)) {
        while (rows.next()) {
          batch.put(rows.getString(1), rows.getString(2));
          if (batch.size() == BACKFILL_BATCH) {
            insertEntries(connection, batch, lookups);
            batch.clear();
          }
        }
      }
    }
    insertEntries(connection, batch, lookups);
  }

  @Override
  public Optional<V> find(K key) {
    String text = encodeKey(key);
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

  /** Answers from the index if the row codec declares {@code lookup}, else by scanning every row. */
  @Override
  public Map<K, V> lookup(Lookup<V> lookup, String value) {
    Objects.requireNonNull(value, "value");
    if (!indexed(lookup)) {
      return ViewStore.super.lookup(lookup, value);
    }
    return page(lookup, value, "");
  }

  /** Reads only the page's rows, by the index, if the row codec declares {@code lookup}. */
  @Override
  public Map<K, V> lookup(Lookup<V> lookup, String value, int offset, int limit) {
    Objects.requireNonNull(value, "value");
    if (!indexed(lookup) || offset < 0 || limit < 0) {
      return ViewStore.super.lookup(lookup, value, offset, limit);
    }
    return page(lookup, value, " LIMIT " + limit + " OFFSET " + offset);
  }

  /** Counts the index's entries if the row codec declares {@code lookup}. */
  @Override
  public long count(Lookup<V> lookup, String value) {
    Objects.requireNonNull(value, "value");
    if (!indexed(lookup)) {
      return ViewStore.super.count(lookup, value);
    }
    return database.read("count in the view " + view + " in", connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT count(*) FROM " + lookupTable + " WHERE lookup = ? AND value = ?")) {
        query.setString(1, lookup.name());
        query.setString(2, value);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  /** Whether the index answers {@code lookup}: the codec declares one of its name at its version. */
  private boolean indexed(Lookup<V> lookup) {
    return codec.lookups().stream().anyMatch(declared -> declared.name().equals(lookup.name())
        && declared.version().equals(lookup.version()));
  }

  /** The rows the index finds, in the order their keys were first stored, {@code bounds} (LIMIT, OFFSET) applied. */
  private Map<K, V> page(Lookup<V> lookup, String value, String bounds) {
    return database.read("look up the view " + view + " in", connection -> {
      Map<K, V> found = new LinkedHashMap<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT v.view_key, v.view_row FROM " + table
          + " v JOIN " + lookupTable + " l ON l.view_key = v.view_key WHERE l.lookup = ? AND l.value = ?"
          + " ORDER BY v." + dialect.insertionOrder() + bounds)) {
        query.setString(1, lookup.name());
        query.setString(2, value);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String key = rows.getString(1);
            found.put(codec.decodeKey(key), decode(key, rows.getString(2)));
          }
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  @Override
  public Checkpoint checkpoint() {
    return database.read("read the checkpoint of the view " + view + " in", this::readCheckpoint);
  }

  @Override
  public Checkpoint apply(Map<K, V> changedRows, Checkpoint expected, long newPosition) {
    Objects.requireNonNull(expected, "expected").advancedTo(newPosition);
    // Encoded before the transaction: a key or codec that fails leaves nothing behind and holds no lock.
    Map<String, String> encoded = encode(changedRows);
    return database.inTransaction("apply events to the view " + view + " in", connection -> {
      // The checkpoint first: a second runner of this view waits here, then finds it moved and writes nothing.
      Checkpoint next = JdbcCheckpoints.advance(connection, "the view " + view, checkpointName, expected, newPosition);
      upsert(connection, encoded);
      return next;
    });
  }

  /** The rows as they are stored: keys as checked text, rows as JSON; throws before anything is written. */
  public Map<String, String> encode(Map<K, V> rows) {
    Map<String, String> encoded = new LinkedHashMap<>();
    for (Map.Entry<K, V> row : rows.entrySet()) {
      encoded.put(encodeKey(row.getKey()),
          codec.encodeRow(Objects.requireNonNull(row.getValue(), () -> "row of " + row.getKey())));
    }
    return encoded;
  }

  /** Writes rows {@link #encode} made, in the caller's transaction. */
  public void upsert(Connection connection, Map<String, String> encoded) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (view_key, view_row) "
        + "VALUES (?, " + dialect.jsonParameter() + ") ON CONFLICT (view_key) DO UPDATE SET view_row = excluded.view_row")) {
      for (Map.Entry<String, String> row : encoded.entrySet()) {
        upsert.setString(1, row.getKey());
        upsert.setString(2, row.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    index(connection, encoded);
  }

  /** Rewrites the lookup index of the rows {@code encoded} holds, in the caller's transaction. */
  private void index(Connection connection, Map<String, String> encoded) throws SQLException {
    List<Lookup<V>> lookups = codec.lookups();
    if (lookups.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + lookupTable + " WHERE view_key = ?")) {
      for (String key : encoded.keySet()) {
        delete.setString(1, key);
        delete.addBatch();
      }
      delete.executeBatch();
    }
    insertEntries(connection, encoded, lookups);
  }

  /** Adds the entries of {@code lookups} for the rows {@code encoded} holds, in the caller's transaction. */
  private void insertEntries(Connection connection, Map<String, String> encoded, List<Lookup<V>> lookups)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + lookupTable
        + " (lookup, value, view_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (Map.Entry<String, String> row : encoded.entrySet()) {
        V decoded = decode(row.getKey(), row.getValue());
        for (Lookup<V> lookup : lookups) {
          for (String value : lookup.values().apply(decoded)) {
            insert.setString(1, lookup.name());
            insert.setString(2, StoredText.check(value, "a lookup value"));
            insert.setString(3, row.getKey());
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  /** The key as it is stored: the row codec's text, checked. */
  public String keyText(K key) {
    return encodeKey(key);
  }

  /** The view's name. */
  public String view() {
    return view;
  }

  @Override
  public void reset() {
    database.inTransaction("reset the view " + view + " in", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM " + table);
        statement.executeUpdate("DELETE FROM " + lookupTable);
      }
      return JdbcCheckpoints.restart(connection, checkpointName);
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

  private String encodeKey(K key) {
    return StoredText.check(codec.encodeKey(Objects.requireNonNull(key, "key")), "a view key");
  }

  private Checkpoint readCheckpoint(Connection connection) throws SQLException {
    return JdbcCheckpoints.read(connection, checkpointName).orElseThrow(() -> new EventStoreException(
        "the checkpoint of the view " + view + " is missing from " + database.describe()
            + " (table eventsmith_runner_checkpoints); someone deleted it: rebuild the view"));
  }
}
