package dev.eventsmith.spec.model;

import java.util.Arrays;
import java.util.Optional;

/** The scalar types the model language knows, with their YAML spelling. */
public enum BuiltinType {
  STRING("string"),
  INT("int"),
  LONG("long"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  UUID("uuid"),
  INSTANT("instant"),
  DATE("date");

  private final String yamlName;

  BuiltinType(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name used in YAML, e.g. {@code uuid}. */
  public String yamlName() {
    return yamlName;
  }

  /** The built-in type written as {@code name} in YAML, if there is one. */
  public static Optional<BuiltinType> fromYaml(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
  }

  /** Whether {@code min}/{@code max} constrain this type's values numerically. */
  public boolean isNumeric() {
    return this == INT || this == LONG || this == DECIMAL;
  }
}
