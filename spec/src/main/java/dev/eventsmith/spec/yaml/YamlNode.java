package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.SourcePosition;

/** A node of a parsed YAML file that remembers where it was written. */
sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {
  SourcePosition position();

  /** How the node is described in messages, e.g. "a list". */
  String kind();
}
