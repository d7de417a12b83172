package dev.eventsmith.runtime.store;

import java.util.Objects;

/**
 * The rules for text a store keys on: stream ids, event types, view keys, checkpoint names. Such
 * text must be well-formed UTF-16 (no lone surrogate) and hold no NUL, and keys are 1 to
 * {@value #MAX_LENGTH} UTF-16 code units long, the same for every store. A store that wrote such
 * text would not give it back as it was: SQLite and PostgreSQL turn a lone surrogate into '?', so
 * {@code Cart-\uD800} and {@code Cart-\uDFFF} would read as one stream, and PostgreSQL refuses NUL.
 */
public final class StoredText {

  /** The longest key, in UTF-16 code units ({@link String#length()}). */
  public static final int MAX_LENGTH = 255;

  private StoredText() {}

  /**
   * Returns {@code text} if it is a well-formed key of 1 to {@value #MAX_LENGTH} code units
   * without NUL.
   *
   * @param what what the text is, for the message: "a view key", say
   * @throws IllegalArgumentException if it is not
   */
  public static String check(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is 1 to " + MAX_LENGTH + " characters (UTF-16 code units) long, "
          + "but " + quote(text, 40) + " has " + text.length());
    }
    return checkWellFormed(text, what);
  }

  /**
   * Returns {@code text}, of any length, if it is well-formed UTF-16 without NUL.
   *
   * @throws IllegalArgumentException if it is not
   */
  public static String checkWellFormed(String text, String what) {
    Objects.requireNonNull(text, what);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new IllegalArgumentException(what + " must not contain NUL (\\u0000), but " + quote(text, 80)
            + " has one at index " + i + "; stores cannot keep it");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " must be well-formed UTF-16 text, but " + quote(text, 80)
            + " has a lone surrogate \\u" + Integer.toHexString(c).toUpperCase() + " at index " + i
            + "; stores would turn it into '?' and mix it up with other text: check text from outside before using it");
      }
    }
    return text;
  }

  /** The text in quotes, cut to {@code max} code units, with NUL and lone surrogates escaped so the message stays readable. */
  private static String quote(String text, int max) {
    StringBuilder quoted = new StringBuilder("\"");
    int end = Math.min(text.length(), max);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        quoted.append(c).append(text.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        quoted.append(String.format("\\u%04X", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append(end < text.length() ? "...\"" : "\"").toString();
  }
}
