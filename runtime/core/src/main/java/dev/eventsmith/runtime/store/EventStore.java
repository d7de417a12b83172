package dev.eventsmith.runtime.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable, ordered storage of events in streams: the one contract every store implements
 * (in-memory, SQLite, PostgreSQL). Implementations are safe for concurrent use.
 */
public interface EventStore extends AutoCloseable {

  /**
   * Appends {@code events} to the end of {@code stream} atomically, if the stream's version
   * matches {@code expected}.
   *
   * @throws WrongExpectedVersionException if the stream is at another version
   * @throws DuplicateEventIdException if an event's id is already stored, or the append holds one
   *     id twice: event ids are unique in a store
   * @throws IllegalArgumentException if {@code events} is empty
   * @throws EventStoreException if the storage fails; then nothing was appended
   */
  AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events);

  /**
   * Reads up to {@code maxCount} events of {@code stream} in order, starting at stream version
   * {@code fromVersion} (inclusive, the first event is version 1). A missing stream reads as empty.
   */
  List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount);

  /**
   * Reads up to {@code maxCount} events of the global log whose position is greater than
   * {@code afterPosition} (0: from the start), in position order. A reader that continues from
   * the last position it saw never misses an event, even one committed late by a slow writer.
   */
  List<RecordedEvent> readAll(long afterPosition, int maxCount);

  /**
   * The event stored with {@code eventId}, if any: at most one, since ids are unique in a store.
   * An id looked up right after its append committed is found.
   */
  Optional<RecordedEvent> readEvent(UUID eventId);

  /** The version of the stream's last event, 0 if the stream does not exist. */
  long streamVersion(StreamId stream);

  /** Releases the store's resources; the default does nothing. */
  @Override
  default void close() {}
}
