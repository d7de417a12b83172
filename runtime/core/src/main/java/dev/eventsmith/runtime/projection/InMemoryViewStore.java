package dev.eventsmith.runtime.projection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A view store held in memory: for tests and for views rebuilt from the log at start-up. */
public final class InMemoryViewStore<K, V> implements ViewStore<K, V> {

  private final Map<K, V> rows = new LinkedHashMap<>();
  private long checkpoint;

  @Override
  public synchronized Optional<V> find(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  @Override
  public synchronized Map<K, V> all() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  @Override
  public synchronized long checkpoint() {
    return checkpoint;
  }

  @Override
  public synchronized void apply(Map<K, V> changedRows, long newCheckpoint) {
    if (newCheckpoint < checkpoint) {
      throw new IllegalArgumentException("a checkpoint never moves back: at " + checkpoint + ", asked for " + newCheckpoint);
    }
    // Check everything before changing anything, so a bad row leaves the store as it was.
    changedRows.forEach((key, row) -> {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(row, () -> "row of " + key);
    });
    rows.putAll(changedRows);
    checkpoint = newCheckpoint;
  }

  @Override
  public synchronized void reset() {
    rows.clear();
    checkpoint = 0;
  }
}
