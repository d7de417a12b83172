package dev.eventsmith.mcp.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema of a tool's arguments: an object of named, described properties. */
public final class InputSchema {

  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  private InputSchema() {}

  /** A schema without properties yet. */
  public static InputSchema object() {
    return new InputSchema();
  }

  /** A string property. */
  public InputSchema string(String name, boolean mandatory, String description) {
    return property(name, mandatory, Json.object().put("type", "string").put("description", description).build());
  }

  /** An integer property of at least {@code minimum}. */
  public InputSchema integer(String name, boolean mandatory, long minimum, String description) {
    return property(name, mandatory, Json.object().put("type", "integer").put("minimum", minimum)
        .put("description", description).build());
  }

  /** A boolean property. */
  public InputSchema bool(String name, String description) {
    return property(name, false, Json.object().put("type", "boolean").put("description", description).build());
  }

  /** An object property with any fields. */
  public InputSchema anyObject(String name, boolean mandatory, String description) {
    return property(name, mandatory, Json.object().put("type", "object").put("description", description).build());
  }

  private InputSchema property(String name, boolean mandatory, Map<String, Object> schema) {
    properties.put(name, schema);
    if (mandatory) {
      required.add(name);
    }
    return this;
  }

  /** The schema as the protocol carries it. */
  public Map<String, Object> build() {
    return Json.object().put("type", "object").put("properties", properties)
        .put("required", required.isEmpty() ? null : List.copyOf(required))
        .put("additionalProperties", false).build();
  }
}
