package dev.eventsmith.spec.model;

import java.util.List;
import java.util.Map;

/**
 * A value written in a spec or an upcast, before it is typed against the field it fills.
 * Scalars keep their YAML text; {@code $name} scalars are symbols.
 */
public sealed interface SpecValue {

  SourcePosition position();

  /** A plain YAML scalar, e.g. {@code 9.99} or {@code ann}. */
  record Scalar(String text, SourcePosition position) implements SpecValue {}

  /** A symbolic value {@code $cart}: the same symbol is the same value throughout one spec. */
  record Symbol(String name, SourcePosition position) implements SpecValue {}

  /** A YAML sequence. */
  record ListValue(List<SpecValue> elements, SourcePosition position) implements SpecValue {}

  /** A YAML mapping, for nested values. */
  record MapValue(Map<String, SpecValue> entries, SourcePosition position) implements SpecValue {}

  /** YAML {@code null} or {@code ~}: an absent optional value. */
  record Null(SourcePosition position) implements SpecValue {}
}
