package dev.eventsmith.generator.emit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The Java method names of generated spec tests: spec {@code "adds an item"} becomes
 * {@code addsAnItem}. Tools use it to find a spec in test reports: the specs of one subject, in
 * the order the model lists them, are the methods {@link #of} their names in class
 * {@code <package>.<Subject>SpecTest}. The names are ASCII letters and digits only, so they
 * never contain the {@code _} of the helper methods a spec test may have.
 */
public final class MethodNames {

  /** The longest method name made of a spec name, before a number that tells alike names apart. */
  static final int MAX_LENGTH = 64;

  private MethodNames() {}

  /**
   * The method names of the specs named {@code specNames} (the specs of one subject, in model
   * order): lowerCamel, no Java keyword, at most {@value #MAX_LENGTH} characters before the number
   * that makes it unique (a later spec getting {@code 2}, {@code 3}... when its name reads like an
   * earlier one's). The same list always gives the same names.
   */
  public static List<String> of(List<String> specNames) {
    Set<String> used = new HashSet<>();
    List<String> names = new ArrayList<>(specNames.size());
    for (String specName : specNames) {
      String base = camel(specName);
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  static String camel(String text) {
    StringBuilder name = new StringBuilder();
    boolean upperNext = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) && c < 128) {
        if (name.length() == 0) {
          name.append(Character.toString(Character.toLowerCase(c)));
        } else {
          name.append(Character.toString(upperNext ? Character.toUpperCase(c) : c));
        }
        upperNext = false;
      } else {
        upperNext = true;
      }
    }
    String result = name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name.toString();
    if (result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0))) {
      result = "spec" + (result.isEmpty() ? "" : result.substring(0, 1).toUpperCase(Locale.ROOT) + result.substring(1));
    }
    return SourceVersion.isKeyword(result) ? result + "Spec" : result;
  }
}
