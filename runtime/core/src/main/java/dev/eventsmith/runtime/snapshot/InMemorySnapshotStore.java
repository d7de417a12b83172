package dev.eventsmith.runtime.snapshot;

import dev.eventsmith.runtime.store.StreamId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A snapshot store held in memory: for tests and for processes whose event store is in memory too. */
public final class InMemorySnapshotStore implements SnapshotStore {

  private final ConcurrentMap<StreamId, Snapshot> latest = new ConcurrentHashMap<>();

  @Override
  public Optional<Snapshot> latest(StreamId stream) {
    return Optional.ofNullable(latest.get(Objects.requireNonNull(stream, "stream")));
  }

  @Override
  public void save(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    latest.merge(snapshot.stream(), snapshot,
        (stored, offered) -> offered.streamVersion() >= stored.streamVersion() ? offered : stored);
  }
}
