package dev.eventsmith.spec.typing;

import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Constraints;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Types one literal scalar against a built-in type and checks it against constraints. */
final class ScalarTyper {
  private static final Pattern INTEGRAL = Pattern.compile("[-+]?[0-9]{1,40}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private ScalarTyper() {}

  /** The typed value, or a problem as {@code [message, hint]}. */
  static Outcome type(String text, BuiltinType base, Constraints constraints) {
    switch (base) {
      case STRING:
        return checkText(text, constraints);
      case INT:
        return integral(text, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE), "int")
            .map(n -> checkRange(n, new TypedValue.Int32(n.intValue()), constraints));
      case LONG:
        return integral(text, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE), "long")
            .map(n -> checkRange(n, new TypedValue.Int64(n.longValue()), constraints));
      case DECIMAL:
        return decimal(text, constraints);
      case BOOLEAN:
        if (text.equals("true") || text.equals("false")) {
          return Outcome.typed(new TypedValue.Bool(Boolean.parseBoolean(text)));
        }
        return Outcome.problem("'" + text + "' is not a boolean", "Write true or false.");
      case UUID:
        if (UUID_TEXT.matcher(text).matches()) {
          return Outcome.typed(new TypedValue.Uuid(UUID.fromString(text)));
        }
        return Outcome.problem("'" + text + "' is not a uuid",
            "Write a symbol such as $cart (a stable generated id), or a uuid like 123e4567-e89b-12d3-a456-426614174000.");
      case INSTANT:
        try {
          return Outcome.typed(new TypedValue.InstantValue(Instant.parse(text)));
        } catch (DateTimeParseException e) {
          return Outcome.problem("'" + text + "' is not an instant", "Write an ISO-8601 UTC instant such as 2026-01-01T10:00:00Z.");
        }
      case DATE:
        try {
          return Outcome.typed(new TypedValue.DateValue(LocalDate.parse(text)));
        } catch (DateTimeParseException e) {
          return Outcome.problem("'" + text + "' is not a date", "Write an ISO-8601 date such as 2026-01-01.");
        }
      default:
        throw new IllegalStateException("unhandled built-in type " + base);
    }
  }

  private static Outcome checkText(String text, Constraints constraints) {
    Optional<Integer> maxLength = constraints.maxLength();
    if (maxLength.isPresent() && text.codePointCount(0, text.length()) > maxLength.get()) {
      return Outcome.problem("'" + text + "' is longer than " + maxLength.get() + " characters",
          "Write at most " + maxLength.get() + " characters.");
    }
    if (constraints.pattern().isPresent()) {
      String pattern = constraints.pattern().get();
      try {
        if (!Pattern.compile(pattern).matcher(text).matches()) {
          return Outcome.problem("'" + text + "' does not match the pattern " + pattern,
              "Write a value that matches " + pattern + " as a whole.");
        }
      } catch (PatternSyntaxException e) {
        // The reader reports bad patterns where they are declared; nothing to check against here.
      }
    }
    return Outcome.typed(new TypedValue.Text(text));
  }

  private static Numeric integral(String text, BigInteger min, BigInteger max, String type) {
    if (!INTEGRAL.matcher(text).matches()) {
      return Numeric.problem("'" + text + "' is not a whole number, as " + type + " requires", "Write a whole number such as 42.");
    }
    BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return Numeric.problem("'" + text + "' is out of the range of " + type, "Write a number from " + min + " to " + max + ".");
    }
    return Numeric.of(new BigDecimal(value));
  }

  private static Outcome decimal(String text, Constraints constraints) {
    if (text.length() > 200 || !DECIMAL.matcher(text).matches()) {
      return Outcome.problem("'" + text + "' is not a decimal number", "Write a number in plain notation such as 9.99.");
    }
    BigDecimal value = new BigDecimal(text);
    if (constraints.scale().isPresent() && value.scale() > constraints.scale().get()) {
      return Outcome.problem("'" + text + "' has more than " + constraints.scale().get() + " digits after the point",
          "Write at most " + constraints.scale().get() + " digits after the point.");
    }
    return checkRange(value, new TypedValue.Decimal(value), constraints);
  }

  private static Outcome checkRange(BigDecimal value, TypedValue typed, Constraints constraints) {
    if (constraints.min().isPresent() && value.compareTo(constraints.min().get()) < 0) {
      return Outcome.problem("'" + value.toPlainString() + "' is below the minimum " + constraints.min().get().toPlainString(),
          "Write a value of at least " + constraints.min().get().toPlainString() + ".");
    }
    if (constraints.max().isPresent() && value.compareTo(constraints.max().get()) > 0) {
      return Outcome.problem("'" + value.toPlainString() + "' is above the maximum " + constraints.max().get().toPlainString(),
          "Write a value of at most " + constraints.max().get().toPlainString() + ".");
    }
    return Outcome.typed(typed);
  }

  /** A typed value or a problem; a small sum type to keep the switch above readable. */
  record Outcome(Optional<TypedValue> value, String message, String hint) {
    static Outcome typed(TypedValue value) {
      return new Outcome(Optional.of(value), "", "");
    }

    static Outcome problem(String message, String hint) {
      return new Outcome(Optional.empty(), message, hint);
    }
  }

  /** An integral number read so far, or the problem reading it. */
  private record Numeric(Optional<BigDecimal> number, String message, String hint) {
    static Numeric of(BigDecimal number) {
      return new Numeric(Optional.of(number), "", "");
    }

    static Numeric problem(String message, String hint) {
      return new Numeric(Optional.empty(), message, hint);
    }

    Outcome map(java.util.function.Function<BigDecimal, Outcome> next) {
      return number.map(next).orElseGet(() -> Outcome.problem(message, hint));
    }
  }
}
