package dev.eventsmith.runtime.snapshot;

import dev.eventsmith.runtime.store.StreamId;
import java.util.Optional;

/**
 * Where snapshots of aggregates' state are kept: a cache beside the event store that may be emptied
 * at any time, since every state can be folded again from its stream. Keeps the latest snapshot per
 * stream. Implementations are safe for concurrent use.
 */
public interface SnapshotStore extends AutoCloseable {

  /** The snapshot of {@code stream} with the highest stream version, if any. */
  Optional<Snapshot> latest(StreamId stream);

  /** Stores {@code snapshot} unless one of a higher stream version is already stored. */
  void save(Snapshot snapshot);

  /** Releases the store's resources; the default does nothing. */
  @Override
  default void close() {}
}
