package dev.eventsmith.observation;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DecodedEvents;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An event store that reports each append to an observer and passes everything else on, including
 * the decoded events a store keeps ({@link DecodedEvents}). It does not close the store it wraps:
 * whoever opened that store closes it.
 */
public class ObservedEventStore implements EventStore, DecodedEvents {

  private final EventStore store;
  private final RuntimeObserver observer;

  ObservedEventStore(EventStore store, RuntimeObserver observer) {
    this.store = Objects.requireNonNull(store, "store");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** {@code store} with its appends reported to {@code observer}; an {@link AppendSignal} still, if {@code store} is one. */
  public static EventStore of(EventStore store, RuntimeObserver observer) {
    return store instanceof AppendSignal signal ? new Signalling(store, signal, observer)
        : new ObservedEventStore(store, observer);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    return observer.append(stream, events, () -> store.append(stream, expected, events));
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

  /** The events the wrapped store kept decoded, if it keeps any; else each decoded now. */
  @Override
  public List<Event> decoded(List<RecordedEvent> events, Function<RecordedEvent, ? extends Event> decode) {
    if (store instanceof DecodedEvents kept) {
      return kept.decoded(events, decode);
    }
    List<Event> decodedNow = new ArrayList<>(events.size());
    for (RecordedEvent event : events) {
      decodedNow.add(decode.apply(event));
    }
    return decodedNow;
  }

  @Override
  public String toString() {
    return store.toString();
  }

  /** The wrapper of a store that signals appends, so live projections over it still wake at once. */
  private static final class Signalling extends ObservedEventStore implements AppendSignal {

    private final AppendSignal signal;

    Signalling(EventStore store, AppendSignal signal, RuntimeObserver observer) {
      super(store, observer);
      this.signal = signal;
    }

    @Override
    public Registration onAppend(Runnable wakeUp) {
      return signal.onAppend(wakeUp);
    }
  }
}
