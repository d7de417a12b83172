package dev.eventsmith.spec.model;

import java.util.List;

/**
 * A named type declared under {@code types:}: either a constrained wrapper of a built-in type
 * ({@code Sku: { base: string, pattern: ... }}) or an enum ({@code Status: { enum: [OPEN, CLOSED] }}).
 */
public sealed interface ValueType {

  String name();

  SourcePosition position();

  /** A constrained wrapper around one built-in scalar, generated as a one-component record. */
  record Wrapper(String name, BuiltinType base, Constraints constraints, SourcePosition position)
      implements ValueType {}

  /** An enumeration, generated as a Java enum whose constants keep the YAML spelling. */
  record Enumeration(String name, List<String> constants, SourcePosition position) implements ValueType {}
}
