package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.store.StoredText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A view store held in memory: for tests and for views rebuilt from the log at start-up. Keys that
 * are text are held to the rules of every store's keys ({@link StoredText}).
 */
public final class InMemoryViewStore<K, V> implements ViewStore<K, V> {

  private final Map<K, V> rows = new LinkedHashMap<>();
  private Checkpoint checkpoint = Checkpoint.START;

  @Override
  public synchronized Optional<V> find(K key) {
    return Optional.ofNullable(rows.get(checkKey(key)));
  }

  @Override
  public synchronized Map<K, V> all() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  @Override
  public synchronized Checkpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public synchronized Checkpoint apply(Map<K, V> changedRows, Checkpoint expected, long newPosition) {
    Checkpoint next = Objects.requireNonNull(expected, "expected").advancedTo(newPosition);
    // Check everything before changing anything, so a bad row leaves the store as it was.
    changedRows.forEach((key, row) -> {
      checkKey(key);
      Objects.requireNonNull(row, () -> "row of " + key);
    });
    if (!checkpoint.equals(expected)) {
      throw new CheckpointConflictException("the view", expected, checkpoint);
    }
    rows.putAll(changedRows);
    checkpoint = next;
    return next;
  }

  @Override
  public synchronized void reset() {
    rows.clear();
    checkpoint = checkpoint.restarted();
  }

  private static <K> K checkKey(K key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof String text) {
      StoredText.check(text, "a view key");
    }
    return key;
  }
}
