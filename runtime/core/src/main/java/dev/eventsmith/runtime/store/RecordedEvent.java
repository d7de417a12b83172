package dev.eventsmith.runtime.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as the store holds it.
 *
 * @param streamVersion the event's position in its stream, from 1
 * @param globalPosition the event's position in the store's global log, from 1, increasing in
 *     commit order (a reader of the log never sees a smaller position after a larger one)
 * @param recordedAt when the store committed the event
 */
public record RecordedEvent(
    StreamId stream,
    long streamVersion,
    long globalPosition,
    UUID eventId,
    String type,
    int schemaVersion,
    byte[] data,
    Map<String, String> metadata,
    Instant recordedAt) {

  public RecordedEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(recordedAt, "recordedAt");
    metadata = Map.copyOf(metadata);
  }

  /** Where this event is, for error messages: {@code Cart-42@3 (global 17)}. */
  public String location() {
    return stream.value() + "@" + streamVersion + " (global position " + globalPosition + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedEvent other
        && stream.equals(other.stream)
        && streamVersion == other.streamVersion
        && globalPosition == other.globalPosition
        && eventId.equals(other.eventId)
        && type.equals(other.type)
        && schemaVersion == other.schemaVersion
        && Arrays.equals(data, other.data)
        && metadata.equals(other.metadata)
        && recordedAt.equals(other.recordedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, streamVersion, globalPosition, eventId);
  }

  @Override
  public String toString() {
    return "RecordedEvent[" + type + " v" + schemaVersion + " at " + location() + "]";
  }
}
