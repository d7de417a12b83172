package dev.eventsmith.generator.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps generated lines within {@link Docs#COLUMNS} where JavaPoet cannot: it wraps only at the
 * wrapping spaces of code blocks, never in a type's {@code extends}, {@code implements} or
 * {@code permits} list, nor before a method's first parameter. A longer line is broken at the
 * rightmost place that keeps it within the limit, outside string and character literals and
 * before any line comment: after {@code ", "}, {@code " = "} or {@code "("}, or before
 * {@code extends}, {@code implements} or {@code permits}; failing those, at another space or
 * before the {@code .} of a member. It continues four spaces deeper.
 * Package and import lines are left as they are (Java cannot break them), and so are comments,
 * which {@link Docs} wraps when it writes them.
 */
final class ColumnLimit {

  private static final String CONTINUATION = "    ";

  /** Words of a type's header that a continuation line may start with. */
  private static final List<String> KEYWORDS = List.of("extends ", "implements ", "permits ");

  private ColumnLimit() {}

  /** {@code source} with its long code lines broken. */
  static String apply(String source) {
    StringBuilder out = new StringBuilder(source.length());
    for (String line : source.split("\n", -1)) {
      List<String> broken = new ArrayList<>();
      String rest = line;
      String indent = rest.substring(0, rest.length() - rest.stripLeading().length());
      while (width(rest) > Docs.COLUMNS && !exempt(rest)) {
        int cut = cut(rest);
        if (cut < 0) {
          break;
        }
        broken.add(rest.substring(0, cut).stripTrailing());
        rest = indent + CONTINUATION + rest.substring(cut).stripLeading();
      }
      broken.add(rest);
      out.append(String.join("\n", broken)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static int width(String line) {
    return line.codePointCount(0, line.length());
  }

  private static boolean exempt(String line) {
    String code = line.stripLeading();
    return code.startsWith("package ") || code.startsWith("import ") || code.startsWith("*")
        || code.startsWith("/*") || code.startsWith("//");
  }

  private static boolean startsKeyword(String line, int at) {
    return KEYWORDS.stream().anyMatch(k -> line.startsWith(k, at));
  }

  /**
   * Where to break {@code line} (the index the next line starts at), or -1 if nowhere: the
   * rightmost good place that keeps the head within the limit, else the rightmost other space or
   * {@code .} before a member name.
   */
  private static int cut(String line) {
    int best = -1;
    int fallback = -1;
    boolean inString = false;
    boolean inChar = false;
    int column = 0;
    int code = line.length() - line.stripLeading().length();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!Character.isLowSurrogate(c)) {
        column++;
      }
      if (inString || inChar) {
        if (c == '\\') {
          i++;
          column++;
        } else if ((inString && c == '"') || (inChar && c == '\'')) {
          inString = false;
          inChar = false;
        }
        continue;
      }
      if (column > Docs.COLUMNS + 1 || (c == '/' && line.startsWith("//", i))) {
        break;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '\'') {
        inChar = true;
      } else if (i <= code) {
        continue;
      } else if (c == '(' && i + 1 < line.length() && line.charAt(i + 1) != ')' && column <= Docs.COLUMNS) {
        best = i + 1;
      } else if (c == ' ' && (line.charAt(i - 1) == ',' || line.charAt(i - 1) == '=')) {
        best = i + 1;
      } else if (c == ' ' && startsKeyword(line, i + 1)) {
        best = i;
      } else if (c == ' ') {
        fallback = i + 1;
      } else if (c == '.' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))
          && column <= Docs.COLUMNS + 1) {
        // Before a member name only: never inside a number such as 1.50.
        fallback = i;
      }
    }
    return best >= 0 ? best : fallback;
  }
}
