package dev.eventsmith.observation;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Passes every call on; a test overrides what it interferes with. */
class ForwardingStore implements EventStore {

  private final EventStore store;

  ForwardingStore(EventStore store) {
    this.store = store;
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    return store.append(stream, expected, events);
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
}
