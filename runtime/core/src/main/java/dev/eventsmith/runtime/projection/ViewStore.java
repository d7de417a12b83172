package dev.eventsmith.runtime.projection;

import java.util.Map;
import java.util.Optional;

/**
 * Where a view's rows and its checkpoint live. Rows and checkpoint change together in
 * {@link #apply}, so after a crash a projection neither skips nor applies an event twice: the view
 * is exactly once with respect to the events it applied. See the package documentation for when
 * that guarantee weakens to at least once.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public interface ViewStore<K, V> {

  Optional<V> find(K key);

  /** Every row, in the order their keys were first stored. */
  Map<K, V> all();

  /** The global position of the last event applied, 0 before any. */
  long checkpoint();

  /**
   * Stores {@code changedRows} and moves the checkpoint to {@code newCheckpoint}, atomically.
   *
   * @throws IllegalArgumentException if {@code newCheckpoint} is behind the current checkpoint
   */
  void apply(Map<K, V> changedRows, long newCheckpoint);

  /**
   * Drops every row and moves the checkpoint back to 0, atomically, so the view can be rebuilt
   * from the start of the log. A reader sees either the old view or an empty one, never a mix.
   */
  void reset();
}
