package dev.eventsmith.spec.validation;

import java.util.Optional;
import java.util.Set;

/** What Java accepts as a name: identifiers, reserved words and package names. */
public final class JavaNames {
  /** Keywords and literals: never usable as an identifier. */
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_");

  private JavaNames() {}

  /** Whether {@code name} is a syntactically valid Java identifier (reserved words aside). */
  public static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(Character::isJavaIdentifierPart) && name.codePoints().noneMatch(c -> c == '$');
  }

  /** Whether {@code name} is a Java keyword or literal ({@code class}, {@code null}, ...). */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /** Whether {@code name} is an identifier starting with an upper-case letter, as type names are. */
  public static boolean isTypeName(String name) {
    return isIdentifier(name) && Character.isUpperCase(name.codePointAt(0));
  }

  /** Whether {@code name} is an identifier starting with a lower-case letter, as field names are. */
  public static boolean isMemberName(String name) {
    return isIdentifier(name) && Character.isLowerCase(name.codePointAt(0));
  }

  /** What is wrong with {@code packageName} as a Java package, if anything. */
  public static Optional<String> packageProblem(String packageName) {
    if (packageName.isEmpty()) {
      return Optional.of("it is empty");
    }
    for (String segment : packageName.split("\\.", -1)) {
      if (segment.isEmpty()) {
        return Optional.of("it has an empty segment");
      }
      if (!isIdentifier(segment)) {
        return Optional.of("'" + segment + "' is not a Java identifier");
      }
      if (isReserved(segment)) {
        return Optional.of("'" + segment + "' is a Java reserved word");
      }
    }
    return Optional.empty();
  }
}
