package dev.eventsmith.runtime.codec;

import java.util.Arrays;
import java.util.Objects;

/** An event in its stored form: stable type name, schema version and JSON payload. */
public record EncodedEvent(String type, int schemaVersion, byte[] data) {

  public EncodedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedEvent other
        && type.equals(other.type)
        && schemaVersion == other.schemaVersion
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, schemaVersion, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return type + " v" + schemaVersion + " " + new String(data, java.nio.charset.StandardCharsets.UTF_8);
  }
}
