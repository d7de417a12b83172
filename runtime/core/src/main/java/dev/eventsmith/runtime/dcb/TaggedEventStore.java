package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An event store that keeps tags with events and appends under a condition (dcb.events). Tagged
 * events still belong to a stream, at its end, so the global log, projections and readers of
 * streams see them like any other event.
 *
 * <p>The guarantee: if {@link #appendTagged} with a condition succeeds, no event matching the
 * condition's query was stored after {@code after} by the time it committed, not even one whose
 * append was in flight. Appends whose tags and conditions share no (type, tag) pair do not wait
 * for each other in stores that allow concurrent writers (PostgreSQL).
 */
public interface TaggedEventStore {

  /**
   * Up to {@code maxCount} events matching {@code query} with a global position greater than
   * {@code afterPosition}, in position order. A decision that appends with
   * {@code new AppendCondition(query, last position read)} is safe against every event it missed.
   */
  List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount);

  /**
   * Appends {@code events} with their tags to the end of {@code stream}, atomically, if no event
   * matching {@code condition}'s query was stored after its position.
   *
   * @throws AppendConditionFailedException if such an event exists; nothing was appended
   * @throws DuplicateEventIdException if an event's id is already stored
   * @throws IllegalArgumentException if {@code events} is empty
   */
  AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition);

  /** Appends {@code events} with their tags to the end of {@code stream}, without a condition. */
  AppendResult appendTagged(StreamId stream, List<TaggedEvent> events);

  /** The event stored with {@code eventId}, tagged or not, if any (as {@code EventStore#readEvent}). */
  Optional<RecordedEvent> readEvent(UUID eventId);
}
