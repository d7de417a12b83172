package dev.eventsmith.runtime;

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

  /** The row after {@code event}; only called for events whose {@link #keyOf} is present. */
  V project(V view, Event event);
}
