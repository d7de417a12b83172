package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.model.SpecValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns YAML nodes into untyped {@link SpecValue}s; typing happens later, against the fields. */
final class SpecValues {
  private SpecValues() {}

  static SpecValue of(YamlNode node) {
    if (node instanceof YamlScalar s) {
      return scalar(s);
    }
    if (node instanceof YamlSequence list) {
      List<SpecValue> elements = new ArrayList<>();
      list.items().forEach(item -> elements.add(of(item)));
      return new SpecValue.ListValue(List.copyOf(elements), list.position());
    }
    YamlMapping mapping = (YamlMapping) node;
    return new SpecValue.MapValue(entries(mapping), mapping.position());
  }

  /** The values of a mapping in the order written (Map.copyOf would lose it). */
  static Map<String, SpecValue> entries(YamlMapping mapping) {
    Map<String, SpecValue> values = new LinkedHashMap<>();
    mapping.entries().forEach(e -> values.put(e.name(), of(e.value())));
    return Collections.unmodifiableMap(values);
  }

  /**
   * {@code $cart} is a symbol even when quoted, because quoting is how YAML users protect special
   * characters, not a request for literal text; {@code $$} escapes a literal dollar.
   */
  private static SpecValue scalar(YamlScalar s) {
    if (s.isNull()) {
      return new SpecValue.Null(s.position());
    }
    String text = s.text();
    if (text.startsWith("$$")) {
      return new SpecValue.Scalar(text.substring(1), s.position());
    }
    if (text.length() > 1 && text.startsWith("$")) {
      return new SpecValue.Symbol(text.substring(1), s.position());
    }
    return new SpecValue.Scalar(text, s.position());
  }
}
