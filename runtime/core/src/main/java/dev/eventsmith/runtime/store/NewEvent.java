package dev.eventsmith.runtime.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event about to be appended, already encoded.
 *
 * @param eventId the event's id, unique in a store (an append that reuses one is refused), for
 *     idempotence and tracing
 * @param type the stored type name (stable across Java renames)
 * @param schemaVersion the version of the event's schema the payload was written with
 * @param data the payload, UTF-8 JSON for generated codecs
 * @param metadata free-form string pairs (correlation and causation ids, user, ...)
 *
 * <p>The type and the metadata keys are 1 to {@value StoredText#MAX_LENGTH} characters; type,
 * keys and values are well-formed text without NUL ({@link StoredText}), so that every store
 * keeps them exactly.
 */
public record NewEvent(UUID eventId, String type, int schemaVersion, byte[] data, Map<String, String> metadata) {

  public NewEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    metadata = Map.copyOf(metadata);
    StoredText.check(type, "an event type name");
    metadata.forEach((key, value) -> {
      StoredText.check(key, "a metadata key");
      StoredText.checkWellFormed(value, "the metadata value of " + key);
    });
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("a schema version starts at 1: " + schemaVersion);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewEvent other
        && eventId.equals(other.eventId)
        && type.equals(other.type)
        && schemaVersion == other.schemaVersion
        && Arrays.equals(data, other.data)
        && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, type, schemaVersion, Arrays.hashCode(data), metadata);
  }

  @Override
  public String toString() {
    return "NewEvent[" + type + " v" + schemaVersion + ", " + data.length + " bytes, id " + eventId + "]";
  }
}
