package dev.eventsmith.observation;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A store of tagged events that reports each tagged append to an observer, as
 * {@link ObservedEventStore} reports plain ones (a failed condition is an
 * {@code AppendConditionFailedException}), and passes everything else on.
 */
public final class ObservedTaggedEventStore implements TaggedEventStore {

  private final TaggedEventStore store;
  private final RuntimeObserver observer;

  public ObservedTaggedEventStore(TaggedEventStore store, RuntimeObserver observer) {
    this.store = Objects.requireNonNull(store, "store");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
    return store.read(query, afterPosition, maxCount);
  }

  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
    return observer.append(stream, events.stream().map(TaggedEvent::event).toList(),
        () -> store.appendTagged(stream, events, condition));
  }

  @Override
  public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
    return observer.append(stream, events.stream().map(TaggedEvent::event).toList(),
        () -> store.appendTagged(stream, events));
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    return store.readEvent(eventId);
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
