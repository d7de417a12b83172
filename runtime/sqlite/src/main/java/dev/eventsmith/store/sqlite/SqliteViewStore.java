package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.store.jdbc.internal.JdbcViewStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A view's rows and checkpoint in an SQLite file (the event store's own file or another), committed
 * in one transaction: a projection applies every event exactly once, across crashes and with
 * several runners of the view (each page by compare-and-set on the checkpoint). Rows live in a
 * table named after the view, keys as text and rows as JSON through the caller's {@link RowCodec}.
 */
public final class SqliteViewStore<K, V> implements ViewStore<K, V>, AutoCloseable {

  private final KeptConnection connection;
  private final JdbcViewStore<K, V> view;

  private SqliteViewStore(KeptConnection connection, JdbcViewStore<K, V> view) {
    this.connection = connection;
    this.view = view;
  }

  /**
   * Opens the view {@code view} in {@code file}, creating its table or bringing it up to date.
   *
   * @param view the view's name: 1 to 47 lower case letters, digits and '_', starting with a letter (it
   *     names the table; the same limit in every store)
   */
  public static <K, V> SqliteViewStore<K, V> open(Path file, String view, RowCodec<K, V> codec) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(codec, "codec");
    KeptConnection connection =
        KeptConnection.open(new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.FULL));
    try {
      return new SqliteViewStore<>(connection, JdbcViewStore.open(connection, SqliteDialect.INSTANCE, view, codec));
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Optional<V> find(K key) {
    return view.find(key);
  }

  @Override
  public Map<K, V> all() {
    return view.all();
  }

  @Override
  public Map<K, V> lookup(Lookup<V> lookup, String value) {
    return view.lookup(lookup, value);
  }

  @Override
  public Map<K, V> lookup(Lookup<V> lookup, String value, int offset, int limit) {
    return view.lookup(lookup, value, offset, limit);
  }

  @Override
  public long count(Lookup<V> lookup, String value) {
    return view.count(lookup, value);
  }

  @Override
  public Checkpoint checkpoint() {
    return view.checkpoint();
  }

  @Override
  public Checkpoint apply(Map<K, V> changedRows, Checkpoint expected, long newPosition) {
    return view.apply(changedRows, expected, newPosition);
  }

  @Override
  public void reset() {
    view.reset();
  }

  /** Closes the view's connection; the file stays. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "SqliteViewStore[" + view + "]";
  }
}
