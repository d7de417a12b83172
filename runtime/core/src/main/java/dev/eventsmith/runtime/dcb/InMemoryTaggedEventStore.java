package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DecodedEvents;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * An in-memory event store with tags and conditional appends: for tests and examples. Tagged
 * appends (and the reads of decisions) take one lock, so they are serialised; appends without
 * tags go straight to the {@link InMemoryEventStore} underneath and never wait for them.
 */
public final class InMemoryTaggedEventStore implements EventStore, TaggedEventStore, DecodedEvents {

  private final InMemoryEventStore events;
  /** Tagged events by global position. */
  private final TreeMap<Long, Tagged> tagged = new TreeMap<>();
  /** The positions of the tagged events carrying each tag. */
  private final Map<String, List<Long>> byTag = new HashMap<>();

  private record Tagged(String type, Set<String> tags) {}

  public InMemoryTaggedEventStore() {
    this(new InMemoryEventStore());
  }

  /** Tags the events of {@code events}; its plain appends stay as they are. */
  public InMemoryTaggedEventStore(InMemoryEventStore events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public synchronized List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
    Objects.requireNonNull(query, "query");
    List<RecordedEvent> found = new ArrayList<>();
    for (long position : matching(query, afterPosition)) {
      if (found.size() == maxCount) {
        break;
      }
      found.add(events.readAll(position - 1, 1).get(0));
    }
    return found;
  }

  /** The positions after {@code afterPosition} of events matching {@code query}, in order. */
  private List<Long> matching(EventQuery query, long afterPosition) {
    TreeMap<Long, Boolean> positions = new TreeMap<>();
    for (QueryItem item : query.items()) {
      // Every matching event carries the item's first tag: look only at those.
      for (long position : byTag.getOrDefault(item.tags().iterator().next(), List.of())) {
        Tagged event = tagged.get(position);
        if (position > afterPosition && item.matches(event.type(), event.tags())) {
          positions.put(position, true);
        }
      }
    }
    return List.copyOf(positions.keySet());
  }

  @Override
  public synchronized AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
    Objects.requireNonNull(condition, "condition");
    if (!matching(condition.failIfEventsMatch(), condition.after()).isEmpty()) {
      throw new AppendConditionFailedException(condition);
    }
    return appendTagged(stream, events);
  }

  @Override
  public synchronized AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
    AppendResult result = this.events.append(stream, ExpectedVersion.any(),
        events.stream().map(TaggedEvent::event).toList());
    long position = result.firstPosition();
    for (TaggedEvent event : events) {
      tagged.put(position, new Tagged(event.event().type(), event.tags()));
      for (String tag : event.tags()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(position);
      }
      position++;
    }
    return result;
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    return this.events.append(stream, expected, events);
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
    return events.readStream(stream, fromVersion, maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    return events.readAll(afterPosition, maxCount);
  }

  /** The decoded events the wrapped {@link InMemoryEventStore} keeps. */
  @Override
  public List<Event> decoded(List<RecordedEvent> recorded, Function<RecordedEvent, ? extends Event> decode) {
    return events.decoded(recorded, decode);
  }

  @Override
  public Optional<RecordedEvent> readEvent(UUID eventId) {
    return events.readEvent(eventId);
  }

  @Override
  public long streamVersion(StreamId stream) {
    return events.streamVersion(stream);
  }
}
