package dev.eventsmith.runtime.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The constraint checks of generated records' compact constructors. Each throws
 * {@link IllegalArgumentException} naming the field (e.g. {@code AddItem.quantity}), the
 * constraint and the refused value; {@code field} is that name.
 */
public final class FieldChecks {

  /**
   * Values that matched their pattern lately, each in one of two slots, so that loading a stream
   * whose events repeat a value (a SKU, a currency, a status) runs each pattern once per value
   * rather than once per event. A pattern's answer for a value never changes, so a remembered match is exact; a
   * value that is not remembered (new, evicted by another in its slot, or long) is matched again.
   * At most 2,048 values of at most 64 characters are held (a few hundred KB at worst). Slots are
   * written racily: an {@link Accepted} is immutable (final fields), so a reader sees either null,
   * an older entry or a newer one, each correct on its own.
   */
  private static final Accepted[] ACCEPTED = new Accepted[2048];

  /** Values longer than this are matched every time and never held. */
  private static final int REMEMBERED_LENGTH = 64;

  private record Accepted(Pattern pattern, String value) {}

  private FieldChecks() {}

  /** The whole of {@code value} matches {@code pattern}. */
  public static void matches(String value, Pattern pattern, String field) {
    int hash = System.identityHashCode(pattern) * 31 + value.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (ACCEPTED.length - 1);
    // Two places per value (its slot and the slot's pair): two values sharing a slot do not evict each other.
    int pair = slot ^ 1;
    if (isAccepted(ACCEPTED[slot], pattern, value) || isAccepted(ACCEPTED[pair], pattern, value)) {
      return;
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must match " + pattern.pattern() + ", was '" + value + "'");
    }
    if (value.length() <= REMEMBERED_LENGTH) {
      ACCEPTED[ACCEPTED[slot] == null || ACCEPTED[pair] != null ? slot : pair] = new Accepted(pattern, value);
    }
  }

  private static boolean isAccepted(Accepted accepted, Pattern pattern, String value) {
    return accepted != null && accepted.pattern == pattern && accepted.value.equals(value);
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
    if (value.scale() == scale) {
      return value; // as stored: stripping zeros can only lower the scale, so it has no more places
    }
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
    if (value.scale() == 0) {
      return value; // a whole number without exponent is its own normal form (100 stays 100)
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
