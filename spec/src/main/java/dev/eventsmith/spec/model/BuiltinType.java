package dev.eventsmith.spec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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

  /**
   * How other languages and schemas spell the built-in types (compared in lower case), for "did
   * you mean" hints: {@code integer} is {@code int}, {@code double} is {@code decimal} (the model
   * has no binary floating point: amounts stay exact), {@code timestamp} is {@code instant}.
   */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("integer", "int"), Map.entry("int32", "int"), Map.entry("short", "int"), Map.entry("byte", "int"),
      Map.entry("int64", "long"), Map.entry("bigint", "long"),
      Map.entry("double", "decimal"), Map.entry("float", "decimal"), Map.entry("number", "decimal"),
      Map.entry("numeric", "decimal"), Map.entry("real", "decimal"), Map.entry("money", "decimal"),
      Map.entry("bigdecimal", "decimal"),
      Map.entry("bool", "boolean"),
      Map.entry("str", "string"), Map.entry("text", "string"), Map.entry("varchar", "string"),
      Map.entry("char", "string"),
      Map.entry("timestamp", "instant"), Map.entry("timestamptz", "instant"), Map.entry("datetime", "instant"),
      Map.entry("zoneddatetime", "instant"), Map.entry("offsetdatetime", "instant"),
      Map.entry("localdate", "date"),
      Map.entry("guid", "uuid"));

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

  /**
   * The built-in type that {@code name} means in another language or schema ({@code integer},
   * {@code Double}, {@code timestamp}, ...), if it is a known synonym; case does not matter.
   */
  public static Optional<BuiltinType> forSynonym(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return fromYaml(SYNONYMS.getOrDefault(lower, lower));
  }

  /** Whether {@code min}/{@code max} constrain this type's values numerically. */
  public boolean isNumeric() {
    return this == INT || this == LONG || this == DECIMAL;
  }
}
