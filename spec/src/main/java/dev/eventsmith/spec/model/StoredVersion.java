package dev.eventsmith.spec.model;

import java.util.List;

/**
 * The fields an event had at an older schema version, as its stored payloads still carry them:
 * what a spec's {@code Event@N} is checked against and the upcast chain is checked from.
 */
public record StoredVersion(int version, List<Field> fields, SourcePosition position) {

  public StoredVersion {
    fields = List.copyOf(fields);
  }
}
