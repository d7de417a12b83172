package dev.eventsmith.maven.strength;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PIT mutation into a sentence a person can act on: which operator became which, on which
 * line, and what kind of spec would notice, e.g. "no spec fails when GiftCard.java:36 {@code >}
 * becomes {@code >=}: add a spec at that boundary".
 */
final class Findings {

  /** Comparisons as formatted code writes them, with spaces: {@code List<String>} is no comparison. */
  private static final Pattern COMPARISON = Pattern.compile("\\s(<=|>=|==|!=|<|>)\\s");
  private static final Pattern CONDITION = Pattern.compile("\\b(?:if|while)\\s*\\((.*)\\)\\s*\\{?\\s*$");
  private static final Pattern ARITHMETIC = Pattern.compile("replaced \\w+ (\\w+) with (\\w+)");
  private static final Pattern RETURNED =
      Pattern.compile("replaced (?:\\w+ )?return value with (.+?) for .*::(\\w+)");
  private static final Map<String, String> OPERATORS =
      Map.of("addition", "+", "subtraction", "-", "multiplication", "*", "division", "/", "modulus", "%");
  private static final Map<String, String> BOUNDARY = Map.of("<", "<=", "<=", "<", ">", ">=", ">=", ">");
  private static final Map<String, String> NEGATION =
      Map.of("==", "!=", "!=", "==", "<", ">=", "<=", ">", ">", "<=", ">=", "<");

  private Findings() {}

  /**
   * @param where e.g. {@code Cart.java:36}
   * @param line the mutated source line, if the source was found
   */
  static String sentence(String where, String mutator, String description, Optional<String> line, boolean covered) {
    String code = line.map(String::strip).orElse("");
    if (!covered) {
      return "no spec runs " + where + (code.isEmpty() ? "" : " `" + code + "`") + ": add a spec that reaches it";
    }
    String simple = mutator.substring(mutator.lastIndexOf('.') + 1);
    if (simple.startsWith("ConditionalsBoundary")) {
      Optional<String> operator = operator(code, BOUNDARY);
      if (operator.isPresent()) {
        return "no spec fails when " + where + " `" + operator.get() + "` becomes `" + BOUNDARY.get(operator.get())
            + "`: add a spec at that boundary";
      }
    }
    if (simple.startsWith("NegateConditionals")) {
      Optional<String> operator = operator(code, NEGATION);
      if (operator.isPresent()) {
        return "no spec fails when " + where + " `" + operator.get() + "` becomes `" + NEGATION.get(operator.get())
            + "`: add a spec for the other outcome of that comparison";
      }
      Matcher condition = CONDITION.matcher(code);
      if (condition.find()) {
        return "no spec fails when the condition `" + condition.group(1).strip() + "` at " + where
            + " is inverted: add a spec where it turns out the other way";
      }
    }
    String change = description.isEmpty() ? "is changed"
        : Character.toLowerCase(description.charAt(0)) + description.substring(1);
    Matcher math = ARITHMETIC.matcher(change);
    if (simple.startsWith("Math") && math.matches() && OPERATORS.containsKey(math.group(1))
        && OPERATORS.containsKey(math.group(2))) {
      return "no spec fails when " + where + " `" + OPERATORS.get(math.group(1)) + "` becomes `"
          + OPERATORS.get(math.group(2)) + "`: add a spec whose expected value depends on that arithmetic";
    }
    Matcher returned = RETURNED.matcher(change);
    if (returned.matches()) {
      return "no spec fails when " + where + " `" + returned.group(2) + "` returns " + returned.group(1)
          + " instead: add a spec that checks what it returns";
    }
    return "no spec fails when " + where + " " + change
        + ": add a spec that notices";
  }

  private static Optional<String> operator(String code, Map<String, String> known) {
    Matcher m = COMPARISON.matcher(code);
    while (m.find()) {
      if (known.containsKey(m.group(1))) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }
}
