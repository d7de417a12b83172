package dev.eventsmith.mcp.store;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reading half of an event store: what the read tools get, so that no path of theirs can append. */
final class ReadOnlyEventStore implements EventStore {

  private final EventStore store;

  ReadOnlyEventStore(EventStore store) {
    this.store = store;
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    throw new EventStoreException("this store is open read-only: nothing is appended to " + stream);
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
    return store.readStream(stream, fromVersion, maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    return store.readAll(afterPosition, maxCount);
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    return store.readEvent(eventId);
  }

  @Override
  public long streamVersion(StreamId stream) {
    return store.streamVersion(stream);
  }

  @Override
  public void close() {
    // The store belongs to whoever opened it.
  }
}
