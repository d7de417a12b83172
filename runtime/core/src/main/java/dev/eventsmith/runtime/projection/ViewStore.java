package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a view's rows and its checkpoint live. Rows and checkpoint change together in
 * {@link #apply}, and only if the checkpoint is still the one the page was computed from
 * (compare-and-set), so neither a crash nor a second runner of the same view makes an event count
 * twice or not at all. See the package documentation for when that guarantee weakens.
 *
 * <p>Keys, as a durable store writes them ({@link RowCodec#encodeKey}), are text of 1 to
 * {@value dev.eventsmith.runtime.store.StoredText#MAX_LENGTH} characters, well-formed and without
 * NUL, in every store; others are refused with an IllegalArgumentException and never stored.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public interface ViewStore<K, V> {

  Optional<V> find(K key);

  /** Every row, in the order their keys were first stored. */
  Map<K, V> all();

  /**
   * The rows whose {@code lookup} values include {@code value}, in the order their keys were first
   * stored, as of the last page applied: a row a later page changed away from the value is not
   * found. By default a scan of {@link #all}; durable stores answer from an index for the lookups
   * their {@link RowCodec#lookups} declare.
   */
  default Map<K, V> lookup(Lookup<V> lookup, String value) {
    Objects.requireNonNull(value, "value");
    Map<K, V> found = new LinkedHashMap<>();
    all().forEach((key, row) -> {
      if (lookup.values().apply(row).contains(value)) {
        found.put(key, row);
      }
    });
    return Collections.unmodifiableMap(found);
  }

  /**
   * One page of {@link #lookup(Lookup, String)}: the rows from the {@code offset}-th (0 first) on,
   * at most {@code limit} of them, in the same order. Durable stores read only the page's rows for
   * the lookups their {@link RowCodec#lookups} declare; by default a slice of the whole answer.
   *
   * @throws IllegalArgumentException if {@code offset} or {@code limit} is negative
   */
  default Map<K, V> lookup(Lookup<V> lookup, String value, int offset, int limit) {
    checkPage(offset, limit);
    Map<K, V> page = new LinkedHashMap<>();
    lookup(lookup, value).entrySet().stream().skip(offset).limit(limit)
        .forEach(row -> page.put(row.getKey(), row.getValue()));
    return Collections.unmodifiableMap(page);
  }

  /**
   * How many rows {@link #lookup(Lookup, String)} finds, counted without reading them in durable
   * stores for the lookups their {@link RowCodec#lookups} declare. A read of its own: a page applied
   * between it and a page read may change either.
   */
  default long count(Lookup<V> lookup, String value) {
    return lookup(lookup, value).size();
  }

  /** Refuses a page that starts or ends before the first row. */
  private static void checkPage(int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("a page starts at an offset of 0 or more and holds a limit of 0 or more "
          + "rows: offset " + offset + ", limit " + limit);
    }
  }

  /** Where the view stands: the position of the last event applied, and its fence. */
  Checkpoint checkpoint();

  /**
   * Stores {@code changedRows} and moves the checkpoint from {@code expected} to
   * {@code newPosition}, atomically, if the stored checkpoint still equals {@code expected}.
   *
   * @return the new checkpoint
   * @throws CheckpointConflictException if the checkpoint is no longer {@code expected}: another
   *     runner applied a page, or the view was reset, since it was read; nothing was changed
   * @throws IllegalArgumentException if {@code newPosition} is not beyond {@code expected}'s, or a
   *     key is not valid text; nothing was changed
   */
  Checkpoint apply(Map<K, V> changedRows, Checkpoint expected, long newPosition);

  /**
   * Drops every row and moves the checkpoint back to position 0 (with a new fence), atomically, so
   * the view can be rebuilt from the start of the log. A reader sees either the old view or an
   * empty one, never a mix; a runner that read the view before the reset cannot apply after it.
   */
  void reset();
}
