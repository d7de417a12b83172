package dev.eventsmith.generator.emit;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java method names made from spec names: {@code "adds an item"} becomes {@code addsAnItem}. */
final class MethodNames {

  private MethodNames() {}

  /** A valid, lowerCamel method name for {@code specName}, unique among {@code used} (which it joins). */
  static String unique(String specName, Set<String> used) {
    String base = camel(specName);
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + n;
    }
    return name;
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
    String result = name.toString();
    if (result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0))) {
      result = "spec" + (result.isEmpty() ? "" : result.substring(0, 1).toUpperCase(Locale.ROOT) + result.substring(1));
    }
    return SourceVersion.isKeyword(result) ? result + "Spec" : result;
  }
}
