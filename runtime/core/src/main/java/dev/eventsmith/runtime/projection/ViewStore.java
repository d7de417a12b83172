package dev.eventsmith.runtime.projection;

import java.util.Map;
import java.util.Optional;

/**
 * Where a view's rows and its checkpoint live. Rows and checkpoint change together in
 * {@link #apply}, so after a crash a projection neither skips nor applies an event twice.
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
}
