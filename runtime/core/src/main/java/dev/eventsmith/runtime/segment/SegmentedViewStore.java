package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.projection.ViewStore;
import java.util.Map;
import java.util.Optional;

/**
 * A view whose rows are split into segments by key: each segment has its own checkpoint, committed
 * with its rows. A row belongs to the segment of its key ({@link #keyText}), so rows never span
 * segments. {@link #whole} runs any {@link ViewStore} as one segment.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public interface SegmentedViewStore<K, V> extends SegmentedStore<Map<K, V>> {

  Optional<V> find(K key);

  /** Every row. */
  Map<K, V> all();

  /** The key as text, as it is stored and hashed to find its segment. */
  String keyText(K key);

  /**
   * {@code view} as a view of one segment, {@link Segment#WHOLE}, held by this process
   * ({@link SegmentLeases#sole()}): the segmented API over an SQLite or in-memory view.
   *
   * @param name the view's name, for messages
   */
  static <K, V> SegmentedViewStore<K, V> whole(String name, ViewStore<K, V> view) {
    return new WholeView<>("view:" + name, view);
  }
}
