package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.store.jdbc.internal.JdbcViewStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A view split into segments in PostgreSQL: the same table as {@link PostgresViewStore}'s (so a view
 * that ran unsplit carries on split, from its checkpoint), with one checkpoint per segment. A page's
 * rows and the checkpoints of its segments commit in one transaction, only while each segment's
 * lease still carries the page's token: exactly once, by one instance per segment at a time.
 * {@link #reset()} empties the view and starts every segment again from the start of the log.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class PostgresSegmentedViewStore<K, V> implements SegmentedViewStore<K, V> {

  private final PostgresDatabase database;
  private final JdbcViewStore<K, V> view;
  private final String name;

  private PostgresSegmentedViewStore(PostgresDatabase database, JdbcViewStore<K, V> view) {
    this.database = database;
    this.view = view;
    this.name = "view:" + view.view();
  }

  /**
   * Opens the view {@code view} in the database behind {@code dataSource}, creating its table or
   * bringing it up to date. The DataSource stays the caller's to close.
   *
   * @param view the view's name: 1 to 47 lower case letters, digits and '_', starting with a letter
   */
  public static <K, V> PostgresSegmentedViewStore<K, V> open(DataSource dataSource, String view,
      RowCodec<K, V> codec) {
    Objects.requireNonNull(view, "view");
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresSegmentedViewStore<>(database, JdbcViewStore.open(database, PostgresDialect.INSTANCE, view,
        codec));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<V> find(K key) {
    return view.find(key);
  }

  @Override
  public Map<K, V> all() {
    return view.all();
  }

  /** The rows whose {@code lookup} values include {@code value}, as {@link dev.eventsmith.runtime.projection.ViewStore#lookup}. */
  public Map<K, V> lookup(Lookup<V> lookup, String value) {
    return view.lookup(lookup, value);
  }

  /** One page of {@link #lookup(Lookup, String)}, as {@link dev.eventsmith.runtime.projection.ViewStore#lookup(Lookup, String, int, int)}. */
  public Map<K, V> lookup(Lookup<V> lookup, String value, int offset, int limit) {
    return view.lookup(lookup, value, offset, limit);
  }

  /** How many rows {@link #lookup(Lookup, String)} finds, as {@link dev.eventsmith.runtime.projection.ViewStore#count}. */
  public long count(Lookup<V> lookup, String value) {
    return view.count(lookup, value);
  }

  @Override
  public String keyText(K key) {
    return view.keyText(key);
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    return database.read("read the checkpoints of " + name + " in",
        connection -> LeasedCheckpoints.read(connection, name, leases));
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<Map<K, V>>> pages, long newPosition) {
    // Encoded before the transaction: a key or codec that fails leaves nothing behind and holds no lock.
    Map<String, String> rows = new LinkedHashMap<>();
    for (SegmentPage<Map<K, V>> page : pages) {
      rows.putAll(view.encode(page.effects()));
    }
    return database.inTransaction("apply events to " + name + " in", connection -> {
      List<SegmentCheckpoint> moved = LeasedCheckpoints.commit(connection, name, pages, newPosition);
      view.upsert(connection, rows);
      return moved;
    });
  }

  /**
   * Drops every row and starts every segment again at position 0 (with new fences), atomically;
   * the instances holding the segments replay the log into them.
   */
  public void reset() {
    view.reset();
  }

  @Override
  public String toString() {
    return "PostgresSegmentedViewStore[" + view + "]";
  }
}
