package dev.eventsmith.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Builds one view (read model) row per key from events. Generated per-view contracts extend this
 * interface with one {@code project} method per event the view is built from.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public interface Projector<K, V> {

  /** The row of {@code key} before any event touched it. */
  V initial(K key);

  /** The key of the row that {@code event} changes, or empty if this view ignores the event. */
  Optional<K> keyOf(Event event);

  /**
   * The keys of every row that {@code event} changes, each once, in the order they are projected:
   * empty if this view ignores the event. By default the one key of {@link #keyOf}; a view whose
   * event names several rows (a key from each element of a list field) overrides it. Runners and
   * the test kit call this method, never {@link #keyOf}.
   */
  default List<K> keysOf(Event event) {
    Optional<K> key = keyOf(event);
    if (key == null) {
      return null; // the caller names the projector that returned null
    }
    return key.map(List::of).orElse(List.of());
  }

  /** The row after {@code event}; called once for each key of {@link #keysOf}, with that key's row. */
  V project(V view, Event event);
}
