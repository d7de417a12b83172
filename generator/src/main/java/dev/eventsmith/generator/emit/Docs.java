package dev.eventsmith.generator.emit;

/**
 * Free text from the model (spec names, file names in positions, stored names) made safe to put
 * in a generated comment: it can neither close the comment ({@code *}{@code /}) nor smuggle one in
 * through a unicode escape, which javac decodes even inside comments, nor break a line comment.
 */
final class Docs {

  private Docs() {}

  static String text(Object value) {
    return String.valueOf(value)
        .replace("\\", "&#92;")
        .replace("*/", "*&#47;")
        .replace("\r", " ")
        .replace("\n", " ");
  }
}
