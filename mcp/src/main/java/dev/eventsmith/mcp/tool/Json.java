package dev.eventsmith.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON objects tools answer with, keeping the order fields were put in. */
public final class Json {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private Json() {}

  /** An empty object. */
  public static Json object() {
    return new Json();
  }

  /** Sets {@code name}; a {@code null} value leaves the field out. */
  public Json put(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  /** Sets every field of {@code other}. */
  public Json putAll(Map<String, Object> other) {
    fields.putAll(other);
    return this;
  }

  /** Sets {@code name} only when {@code value} is not empty. */
  public Json putIfNotEmpty(String name, String value) {
    return value == null || value.isEmpty() ? this : put(name, value);
  }

  /** The object, as a map the JSON mapper writes. */
  public Map<String, Object> build() {
    return fields;
  }
}
