package dev.eventsmith.runtime.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The constraint checks of generated records' compact constructors. Each throws
 * {@link IllegalArgumentException} naming the field (e.g. {@code AddItem.quantity}), the
 * constraint and the refused value; {@code field} is that name.
 */
public final class FieldChecks {

  private FieldChecks() {}

  /** The whole of {@code value} matches {@code pattern}. */
  public static void matches(String value, Pattern pattern, String field) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must match " + pattern.pattern() + ", was '" + value + "'");
    }
  }

  /** {@code value} has at most {@code max} characters (UTF-16 code units, as {@link String#length}). */
  public static void maxLength(String value, int max, String field) {
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters long, was " + value.length());
    }
  }

  /** {@code value} is at least {@code min}; for {@code int} and {@code long} fields. */
  public static void atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
    }
  }

  /** {@code value} is at most {@code max}; for {@code int} and {@code long} fields. */
  public static void atMost(long value, long max, String field) {
    if (value > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + ", was " + value);
    }
  }

  /** {@code value} is at least {@code min}, compared by amount (1.0 equals 1.00). */
  public static void atLeast(BigDecimal value, BigDecimal min, String field) {
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          field + " must be at least " + min.toPlainString() + ", was " + value.toPlainString());
    }
  }

  /** {@code value} is at most {@code max}, compared by amount (1.0 equals 1.00). */
  public static void atMost(BigDecimal value, BigDecimal max, String field) {
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          field + " must be at most " + max.toPlainString() + ", was " + value.toPlainString());
    }
  }

  /**
   * {@code value} with exactly {@code scale} decimal places, so that equal amounts are equal
   * values; refused if it has more significant places than that.
   */
  public static BigDecimal scale(BigDecimal value, int scale, String field) {
    if (value.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          field + " must have at most " + scale + " decimal places, was " + value.toPlainString());
    }
    return value.setScale(scale);
  }

  /**
   * The one form of an amount without a declared scale: no trailing zeros and never an exponent,
   * so 9.9 and 9.90 are one value, and 100 stays 100 rather than 1E+2.
   */
  public static BigDecimal normalized(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
