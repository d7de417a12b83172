package dev.eventsmith.spec.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event, command, rejection or view value written in a spec: {@code { ItemAdded: { sku: ABC-1 } }}.
 * {@code values} keeps the YAML order; {@code keyPositions} holds where each field name is written,
 * so that a problem with the name (not the value) points at the name.
 */
public record Message(
    String type, Map<String, SpecValue> values, Map<String, SourcePosition> keyPositions, SourcePosition position) {

  public Message {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
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
