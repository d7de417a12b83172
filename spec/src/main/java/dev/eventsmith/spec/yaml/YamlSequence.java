package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.SourcePosition;
import java.util.List;

/** A YAML sequence (a list). */
record YamlSequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
  @Override
  public String kind() {
    return "a list";
  }
}
