package dev.eventsmith.spec.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event, command, rejection or view value written in a spec: {@code { ItemAdded: { sku: ABC-1 } }}.
 * {@code values} keeps the YAML order; {@code keyPositions} holds where each field name is written,
 * so that a problem with the name (not the value) points at the name. {@code storedVersion} is the
 * schema version a given event is written at ({@code { ItemAdded@1: { ... } }}), 0 when not written.
 */
public record Message(
    String type, Map<String, SpecValue> values, Map<String, SourcePosition> keyPositions, SourcePosition position,
    int storedVersion) {

  public Message {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
  }

  /** A message at the current version of its type. */
  public Message(
      String type, Map<String, SpecValue> values, Map<String, SourcePosition> keyPositions, SourcePosition position) {
    this(type, values, keyPositions, position, 0);
  }

  /** Whether the message is written at an older stored version, {@code Type@N}. */
  public boolean hasStoredVersion() {
    return storedVersion != 0;
  }

  /** A message whose field names are not placed apart from their values. */
  public Message(String type, Map<String, SpecValue> values, SourcePosition position) {
    this(type, values, Map.of(), position);
  }

  /** Where the field name {@code field} is written: its key, else its value, else the message. */
  public SourcePosition keyPosition(String field) {
    SourcePosition key = keyPositions.get(field);
    if (key != null) {
      return key;
    }
    SpecValue value = values.get(field);
    return value != null ? value.position() : position;
  }
}
