package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.store.StreamId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The folded states of the streams a {@link CommandHandler} handled most recently, at most
 * {@code maxStreams} of them (least recently used out first). An entry is a hint, never the truth:
 * the handler reads the stream from the cached version on and uses the entry only when the event at
 * that version is still the one it was folded from, then folds what other writers appended since.
 */
final class StateCache<S> {

  /** A state folded up to {@code version}, whose last event has {@code lastEventId} at {@code lastPosition}. */
  record Entry<S>(S state, long version, long lastPosition, UUID lastEventId, long snapshotVersion) {}

  private final int maxStreams;
  private final LinkedHashMap<StreamId, Entry<S>> entries;

  StateCache(int maxStreams) {
    if (maxStreams < 1) {
      throw new IllegalArgumentException("a state cache holds 1 or more streams, not " + maxStreams);
    }
    this.maxStreams = maxStreams;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<StreamId, StateCache.Entry<S>> eldest) {
        return size() > StateCache.this.maxStreams;
      }
    };
  }


  synchronized Entry<S> get(StreamId stream) {
    return entries.get(stream);
  }

  /** Keeps {@code entry} unless the cache already holds a later version of the stream. */
  synchronized void put(StreamId stream, Entry<S> entry) {
    Entry<S> held = entries.get(stream);
    if (held == null || held.version() <= entry.version()) {
      entries.put(stream, entry);
    }
  }

  /** Drops the entry of {@code stream} if it is still {@code stale}. */
  synchronized void remove(StreamId stream, Entry<S> stale) {
    entries.remove(stream, stale);
  }

  synchronized int size() {
    return entries.size();
  }
}
