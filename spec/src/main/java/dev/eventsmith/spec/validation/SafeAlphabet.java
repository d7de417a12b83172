package dev.eventsmith.spec.validation;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The characters names may use: ASCII letters and digits, and {@code _} in enum constants and
 * package names. Java accepts far more, but not safely: javac drops invisible format characters
 * (a zero-width space, a soft hyphen) from names, so two names that differ by one are the same
 * class; letters of other scripts look like Latin ones ({@code CartСreated} with a Cyrillic
 * {@code С}); and macOS stores accented file names decomposed, so two spellings of {@code Ä} can
 * meet in one file. There is no Unicode profile: refusing is the one rule a reader can check.
 */
public final class SafeAlphabet {

  /**
   * Letters of other scripts that look like a Latin letter, with that letter: enough to turn the
   * usual look-alikes of Cyrillic and Greek into the ASCII name they imitate (after NFKD has
   * turned accented, full-width and compatibility forms into their base letters).
   */
  private static final Map<Integer, Character> LOOK_ALIKES = lookAlikes(
      "АAВBЕEЗ3КKМMНHОOРPСCТTХXУYІIЈJЅSԁdаaеeоoрpсcуyхxіiјjѕsһhӏlԛqԝwүy"
          + "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXαaοoνvιiκkρpυuχx");

  private SafeAlphabet() {}

  /** The first code point of {@code name} outside the alphabet, if any. */
  public static Optional<Integer> firstOutside(String name, boolean underscore) {
    return name.codePoints().filter(c -> !(isAsciiLetterOrDigit(c) || (underscore && c == '_'))).boxed().findFirst();
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * The character for a message: {@code '_'}, {@code 'С' (U+0421 CYRILLIC CAPITAL LETTER ES)}, or
   * for an invisible one only its code point and name, with what javac does with it.
   */
  public static String describe(int codePoint) {
    String code = String.format(Locale.ROOT, "U+%04X", codePoint);
    String name = Optional.ofNullable(Character.getName(codePoint)).orElse("an unnamed character");
    if (isInvisible(codePoint)) {
      return code + " " + name + ", an invisible character that javac drops from names";
    }
    if (codePoint < 128) {
      return "'" + Character.toString(codePoint) + "'";
    }
    Character latin = LOOK_ALIKES.get(codePoint);
    return "'" + Character.toString(codePoint) + "' (" + code + " " + name + ")"
        + (latin != null ? ", which looks like the Latin '" + latin + "'" : "");
  }

  /** Whether javac ignores the character in identifiers (format characters, most controls). */
  public static boolean isInvisible(int codePoint) {
    return Character.isIdentifierIgnorable(codePoint) || Character.getType(codePoint) == Character.FORMAT;
  }

  /**
   * What {@code name} looks like in ASCII: invisible characters dropped, accents and compatibility
   * forms reduced to their base letters, look-alikes of other scripts replaced by the Latin letter
   * they imitate. {@code CartСreated} (Cyrillic {@code С}) and {@code Cart\u200BCreated} both look
   * like {@code CartCreated}. Characters without an ASCII look-alike stay as they are.
   */
  public static String lookAlike(String name) {
    StringBuilder visible = new StringBuilder();
    name.codePoints().filter(c -> !isInvisible(c)).forEach(visible::appendCodePoint);
    String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFKD);
    StringBuilder ascii = new StringBuilder();
    decomposed.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        return;
      }
      Character latin = LOOK_ALIKES.get(c);
      if (latin != null) {
        ascii.append(latin.charValue());
      } else {
        ascii.appendCodePoint(c);
      }
    });
    return ascii.toString();
  }

  private static Map<Integer, Character> lookAlikes(String pairs) {
    Map<Integer, Character> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length(); i += 2) {
      map.put((int) pairs.charAt(i), pairs.charAt(i + 1));
    }
    return Map.copyOf(map);
  }
}
