package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed access to YAML nodes that reports every node of the wrong kind, unknown key and missing
 * key, and returns empty so that the caller can carry on with the rest of the file.
 */
final class NodeReader {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,9}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

  private final Diagnostics diagnostics;

  NodeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** A mapping; an empty value ({@code X:} or {@code X: ~}) counts as an empty mapping. */
  Optional<YamlMapping> mapping(YamlNode node, String what) {
    if (node instanceof YamlMapping m) {
      return Optional.of(m);
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      return Optional.of(new YamlMapping(List.of(), s.position()));
    }
    wrongKind(node, what, "a mapping (key: value pairs)", "Write it as indented 'key: value' lines or as '{ key: value }'.");
    return Optional.empty();
  }

  /** A list; a single name is accepted as a list of one, an empty value as an empty list. */
  Optional<YamlSequence> sequence(YamlNode node, String what) {
    if (node instanceof YamlSequence s) {
      return Optional.of(s);
    }
    if (node instanceof YamlScalar s) {
      return Optional.of(new YamlSequence(s.isNull() ? List.of() : List.of(s), s.position()));
    }
    wrongKind(node, what, "a list", "Write it as '[A, B]' or as indented '- A' lines.");
    return Optional.empty();
  }

  /** A strict list: no single value in its place (used where a list of mappings is expected). */
  Optional<YamlSequence> strictSequence(YamlNode node, String what) {
    if (node instanceof YamlSequence s) {
      return Optional.of(s);
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      return Optional.of(new YamlSequence(List.of(), s.position()));
    }
    wrongKind(node, what, "a list", "Write it as indented '- ...' lines or as '[ ... ]'.");
    return Optional.empty();
  }

  /** The text of a non-empty scalar. */
  Optional<YamlScalar> text(YamlNode node, String what) {
    if (node instanceof YamlScalar s && !s.isNull()) {
      return Optional.of(s);
    }
    wrongKind(node, what, "a single value", "Write one value after the colon.");
    return Optional.empty();
  }

  /** A whole number of at least {@code min}. */
  Optional<Integer> integer(YamlNode node, String what, int min) {
    Optional<YamlScalar> scalar = text(node, what);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    String text = scalar.get().text().strip();
    if (INTEGER.matcher(text).matches() && Integer.parseInt(text) >= min) {
      return Optional.of(Integer.parseInt(text));
    }
    diagnostics.report(DiagnosticCode.INVALID_VALUE, node.position(),
        what + " must be a whole number of at least " + min + ", not '" + text + "'",
        "Write a whole number such as " + Math.max(min, 1) + ".");
    return Optional.empty();
  }

  /** A number written in plain decimal notation. */
  Optional<BigDecimal> decimal(YamlNode node, String what) {
    Optional<YamlScalar> scalar = text(node, what);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    String text = scalar.get().text().strip();
    if (text.length() <= 100 && DECIMAL.matcher(text).matches()) {
      return Optional.of(new BigDecimal(text));
    }
    diagnostics.report(DiagnosticCode.INVALID_VALUE, node.position(),
        what + " must be a number, not '" + text + "'", "Write a number such as 0 or 9.99.");
    return Optional.empty();
  }

  /** {@code true} or {@code false}. */
  Optional<Boolean> bool(YamlNode node, String what) {
    Optional<YamlScalar> scalar = text(node, what);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    String text = scalar.get().text();
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(Boolean.parseBoolean(text));
    }
    diagnostics.report(DiagnosticCode.INVALID_VALUE, node.position(),
        what + " must be true or false, not '" + text + "'", "Write true or false.");
    return Optional.empty();
  }

  /** Names in a list (or a single name), each non-empty; other items are reported. */
  List<YamlScalar> names(YamlNode node, String what) {
    List<YamlScalar> names = new ArrayList<>();
    sequence(node, what).ifPresent(list -> {
      for (YamlNode item : list.items()) {
        text(item, "each entry of " + what).ifPresent(names::add);
      }
    });
    return names;
  }

  /**
   * Reports keys not in {@code allowed} (with a suggestion) and keys of {@code required} that are
   * missing; {@code what} names the mapping, e.g. "event 'ItemAdded'".
   */
  void checkKeys(YamlMapping mapping, String what, List<String> allowed, List<String> required) {
    checkKeys(mapping, what, allowed, required, mapping.position());
  }

  /** As {@link #checkKeys(YamlMapping, String, List, List)}, reporting missing keys at {@code owner}. */
  void checkKeys(YamlMapping mapping, String what, List<String> allowed, List<String> required,
      dev.eventsmith.spec.model.SourcePosition owner) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.name();
      if (!allowed.contains(key)) {
        diagnostics.report(DiagnosticCode.UNKNOWN_KEY, entry.key().position(),
            "unknown key '" + key + "' in " + what + DidYouMean.suffix(key, allowed),
            "Use one of: " + String.join(", ", allowed) + ".");
      }
    }
    for (String key : required) {
      if (mapping.entry(key).isEmpty()) {
        diagnostics.report(DiagnosticCode.MISSING_KEY, owner,
            what + " is missing the required key '" + key + "'", "Add '" + key + ":' to " + what + ".");
      }
    }
  }

  void wrongKind(YamlNode node, String what, String expected, String hint) {
    diagnostics.report(DiagnosticCode.WRONG_NODE_KIND, node.position(),
        what + " must be " + expected + ", but it is " + node.kind(), hint);
  }
}
