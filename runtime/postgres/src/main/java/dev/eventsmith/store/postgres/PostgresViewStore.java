package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.store.jdbc.internal.JdbcViewStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A view's rows and checkpoint in PostgreSQL (the events' database or another), committed in one
 * transaction: a projection applies every event exactly once, across crashes and with several
 * runners of the view, in any number of processes (each page by compare-and-set on the checkpoint). Rows live in a table
 * named after the view, keys as text and rows as jsonb through the caller's {@link RowCodec}.
 */
public final class PostgresViewStore<K, V> implements ViewStore<K, V> {

  private final JdbcViewStore<K, V> view;

  private PostgresViewStore(JdbcViewStore<K, V> view) {
    this.view = view;
  }

  /**
   * Opens the view {@code view} in the database behind {@code dataSource}, creating its table or
   * bringing it up to date. The DataSource stays the caller's to close.
   *
   * @param view the view's name: 1 to 47 lower case letters, digits and '_', starting with a letter (it
   *     names the table; the same limit in every store)
   */
  public static <K, V> PostgresViewStore<K, V> open(DataSource dataSource, String view, RowCodec<K, V> codec) {
    Objects.requireNonNull(view, "view");
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresViewStore<>(JdbcViewStore.open(database, PostgresDialect.INSTANCE, view, codec));
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

  @Override
  public String toString() {
    return "PostgresViewStore[" + view + "]";
  }
}
