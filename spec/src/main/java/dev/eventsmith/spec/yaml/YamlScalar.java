package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.SourcePosition;

/**
 * A scalar. {@code isNull} is true for a plain {@code null}, {@code ~} or empty value; quoted
 * scalars are never null, so {@code "null"} stays the text {@code null}.
 */
record YamlScalar(String text, boolean quoted, boolean isNull, SourcePosition position) implements YamlNode {
  @Override
  public String kind() {
    return isNull ? "empty" : "a single value";
  }
}
