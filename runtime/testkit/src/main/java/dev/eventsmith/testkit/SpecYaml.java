package dev.eventsmith.testkit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Renders events, rows and rejections as the YAML a spec author wrote, so a failure reads like
 * the model: records by component name, value types by their value, symbols as {@code $name}.
 */
final class SpecYaml {

  private static final Pattern LOOKS_TYPED = Pattern.compile(
      "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\\.(inf|Inf|INF)"
          + "|\\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{2}-[0-9]{2}.*|(?i:true|false|yes|no|on|off|y|n|null|~)");
  private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`$~ \t";

  private final Symbols symbols;

  SpecYaml(Symbols symbols) {
    this.symbols = symbols;
  }

  /** {@code []}, or one {@code - Type:} item per event with its fields below. */
  List<String> events(List<?> events) {
    List<Node> items = new ArrayList<>();
    for (Object event : events) {
      items.add(typed(event));
    }
    return lines(new Sequence(items));
  }

  /** {@code Type:} with the fields below. */
  List<String> row(Object row) {
    return lines(typed(row));
  }

  /** {@code rejected: Type {field: value}}, all on one line as a spec author writes it. */
  String rejection(Object rejection) {
    Node fields = node(rejection);
    String flow = fields instanceof Mapping m && m.entries().isEmpty() ? "" : " " + flow(fields);
    return "rejected: " + rejection.getClass().getSimpleName() + flow;
  }

  /** A rejection expected by type only. */
  String rejectionType(Class<?> type) {
    return "rejected: " + type.getSimpleName();
  }

  // ---- the tree

  private interface Node {}

  private record Scalar(String text) implements Node {}

  private record Entry(String key, Node value) {}

  private record Mapping(List<Entry> entries) implements Node {}

  private record Sequence(List<Node> items) implements Node {}

  private Node typed(Object value) {
    if (value == null) {
      return new Scalar("null");
    }
    return new Mapping(List.of(new Entry(value.getClass().getSimpleName(), node(value))));
  }

  private Node node(Object value) {
    if (value == null) {
      return new Scalar("null");
    }
    if (value instanceof Optional<?> optional) {
      return node(optional.orElse(null));
    }
    if (value.getClass().isRecord()) {
      return record(value);
    }
    if (value instanceof Collection<?> collection) {
      List<Node> items = new ArrayList<>();
      collection.forEach(item -> items.add(node(item)));
      return new Sequence(items);
    }
    if (value instanceof Map<?, ?> map) {
      List<Entry> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(new Entry(flow(node(k)), node(v))));
      return new Mapping(entries);
    }
    return new Scalar(scalar(value));
  }

  private Node record(Object value) {
    RecordComponent[] components = value.getClass().getRecordComponents();
    // A value type (Sku, Money) is written in the model as its value, so render it that way.
    if (components.length == 1 && components[0].getName().equals("value")) {
      return node(component(value, components[0]));
    }
    List<Entry> entries = new ArrayList<>();
    for (RecordComponent component : components) {
      entries.add(new Entry(component.getName(), node(component(value, component))));
    }
    return new Mapping(entries);
  }

  private static Object component(Object record, RecordComponent component) {
    try {
      var accessor = component.getAccessor();
      // Records in a test or in a package-private scope have accessors we may not call otherwise.
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "<" + component.getName() + " unreadable: " + e + ">";
    }
  }

  private String scalar(Object value) {
    Optional<String> symbol = symbols.symbolFor(value);
    if (symbol.isPresent()) {
      return symbol.get();
    }
    if (value instanceof String text) {
      return quotedIfNeeded(text);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    // java.time values print as ISO-8601, which is how the model writes them.
    if (value instanceof Number || value instanceof Boolean || value instanceof UUID || value instanceof TemporalAccessor) {
      return value.toString();
    }
    return quotedIfNeeded(String.valueOf(value));
  }

  static String quotedIfNeeded(String text) {
    if (!needsQuotes(text)) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"':
          quoted.append("\\\"");
          break;
        case '\\':
          quoted.append("\\\\");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        case '\r':
          quoted.append("\\r");
          break;
        default:
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
      }
    }
    return quoted.append('"').toString();
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || LEADING_INDICATORS.indexOf(text.charAt(0)) >= 0 || text.endsWith(" ") || text.endsWith(":")) {
      return true;
    }
    if (text.contains(": ") || text.contains(" #") || LOOKS_TYPED.matcher(text).matches()) {
      return true;
    }
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  // ---- output

  private static List<String> lines(Node node) {
    List<String> out = new ArrayList<>();
    if (node instanceof Scalar scalar) {
      out.add(scalar.text());
    } else if (node instanceof Mapping mapping && mapping.entries().isEmpty()) {
      out.add("{}");
    } else if (node instanceof Sequence sequence && sequence.items().isEmpty()) {
      out.add("[]");
    } else {
      block(node, 0, out);
    }
    return out;
  }

  private static void block(Node node, int indent, List<String> out) {
    String pad = " ".repeat(indent);
    if (node instanceof Mapping mapping) {
      for (Entry entry : mapping.entries()) {
        Node value = entry.value();
        if (isBlock(value)) {
          out.add(pad + entry.key() + ":");
          block(value, indent + 2, out);
        } else {
          out.add(pad + entry.key() + ": " + flow(value));
        }
      }
    } else {
      for (Node item : ((Sequence) node).items()) {
        if (isBlock(item)) {
          // Render the item two deeper, then put the dash where its first line's indent was.
          int first = out.size();
          block(item, indent + 2, out);
          out.set(first, pad + "- " + out.get(first).substring(indent + 2));
        } else {
          out.add(pad + "- " + flow(item));
        }
      }
    }
  }

  private static boolean isBlock(Node node) {
    return node instanceof Mapping m && !m.entries().isEmpty() || node instanceof Sequence s && !s.items().isEmpty();
  }

  private static String flow(Node node) {
    if (node instanceof Scalar scalar) {
      return scalar.text();
    }
    List<String> parts = new ArrayList<>();
    if (node instanceof Mapping mapping) {
      mapping.entries().forEach(e -> parts.add(e.key() + ": " + flow(e.value())));
      return "{" + String.join(", ", parts) + "}";
    }
    ((Sequence) node).items().forEach(item -> parts.add(flow(item)));
    return "[" + String.join(", ", parts) + "]";
  }
}
