package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/** A YAML mapping whose keys are unique scalars, in the order written. */
record YamlMapping(List<Entry> entries, SourcePosition position) implements YamlNode {

  /** One {@code key: value} pair; the key keeps its own position. */
  record Entry(YamlScalar key, YamlNode value) {
    String name() {
      return key.text();
    }
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  Optional<Entry> entry(String key) {
    return entries.stream().filter(e -> e.name().equals(key)).findFirst();
  }

  Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }
}
