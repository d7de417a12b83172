package dev.eventsmith.generator.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated comments: free text from the model (spec names, file names in positions, stored
 * names) made safe to put in a comment, and javadoc wrapped to the column limit. Safe means it can
 * neither close the comment ({@code *}{@code /}) nor smuggle one in through a unicode escape, which
 * javac decodes even inside comments, nor break a line comment.
 */
final class Docs {

  /** The column limit of generated code. */
  static final int COLUMNS = 100;

  /** Stands for the space inside an inline tag while text is split into words. */
  private static final char TAG_SPACE = '\u0000';

  private Docs() {}

  static String text(Object value) {
    return String.valueOf(value)
        .replace("\\", "&#92;")
        .replace("*/", "*&#47;")
        .replace("\r", " ")
        .replace("\n", " ");
  }

  /**
   * Javadoc text wrapped so that its lines, {@code depth} levels of two spaces deep behind
   * {@code " * "}, stay within {@link #COLUMNS}. Each {@code \n} in {@code text} ends a paragraph
   * line; words longer than a line are broken. Pass the result as a {@code $L} argument.
   */
  static String javadoc(int depth, String text) {
    int width = COLUMNS - 2 * depth - 3;
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.isEmpty()) {
        continue;
      }
      // The lines of a block tag (@throws ...) after its first are indented, as javadoc style has it.
      boolean tag = paragraph.startsWith("@");
      List<String> lines = wrap(paragraph, tag ? width - 4 : width);
      out.append(lines.get(0)).append('\n');
      lines.subList(1, lines.size()).forEach(l -> out.append(tag ? "    " : "").append(l).append('\n'));
    }
    return out.toString();
  }

  /**
   * {@code text} in lines of at most {@code width} characters, broken between words where possible;
   * an inline tag of one word ({@code {@code Cart}}) stays on one line.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String kept = text.replace("{@code ", "{@code" + TAG_SPACE).replace("{@link ", "{@link" + TAG_SPACE);
    for (String word : kept.split(" +")) {
      String rest = word.replace(TAG_SPACE, ' ');
      while (rest.length() > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        int cut = width - (Character.isHighSurrogate(rest.charAt(width - 1)) ? 1 : 0);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      if (rest.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + rest.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(rest);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
