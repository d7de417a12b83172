package dev.eventsmith.generator.emit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text of maps, lists, strings, numbers and booleans, keys in the maps' order: for
 * documents the generator writes (the OpenAPI document).
 */
final class JsonText {

  private JsonText() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        string((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
        out.append(++i < map.size() ? "," : "}");
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        write(list.get(i), out);
        out.append(i + 1 < list.size() ? "," : "]");
      }
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof BigDecimal number) {
      out.append(number.toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
