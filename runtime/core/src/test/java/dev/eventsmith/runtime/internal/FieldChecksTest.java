package dev.eventsmith.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

  private static String refusal(Runnable check) {
    return assertThrows(IllegalArgumentException.class, check::run).getMessage();
  }

  @Test
  void aPatternMustMatchTheWholeValue() {
    Pattern sku = Pattern.compile("[A-Z]{3}");
    FieldChecks.matches("ABC", sku, "AddItem.sku");
    assertEquals("AddItem.sku must match [A-Z]{3}, was 'ABCD'", refusal(() -> FieldChecks.matches("ABCD", sku, "AddItem.sku")));
  }

  @Test
  void aRememberedMatchNeverLetsThroughWhatItsPatternRefuses() {
    Pattern upper = Pattern.compile("[A-Z]{3}");
    Pattern lower = Pattern.compile("[a-z]{3}");
    Pattern anyLength = Pattern.compile("A*");
    for (int round = 0; round < 3; round++) {
      // The same value, accepted by one pattern, is refused by another however often it was accepted.
      FieldChecks.matches("ABC", upper, "X.code");
      assertEquals("X.name must match [a-z]{3}, was 'ABC'", refusal(() -> FieldChecks.matches("ABC", lower, "X.name")));
      // Values sharing slots with accepted ones: every one still matched on its own.
      for (int i = 0; i < 5_000; i++) {
        String value = Integer.toString(i, 36).toUpperCase();
        if (value.matches("[A-Z]{3}")) {
          FieldChecks.matches(value, upper, "X.code");
        } else {
          String refused = value;
          assertEquals("X.code must match [A-Z]{3}, was '" + refused + "'",
              refusal(() -> FieldChecks.matches(refused, upper, "X.code")));
        }
      }
      String longValue = "A".repeat(100);
      FieldChecks.matches(longValue, anyLength, "X.long");
      refusal(() -> FieldChecks.matches(longValue + "B", anyLength, "X.long"));
    }
  }

  @Test
  void lengthIsCountedUpToTheLimitInclusive() {
    FieldChecks.maxLength("abc", 3, "X.name");
    assertEquals("X.name must be at most 3 characters long, was 4", refusal(() -> FieldChecks.maxLength("abcd", 3, "X.name")));
  }

  @Test
  void wholeNumberBoundsAreInclusive() {
    FieldChecks.atLeast(1, 1, "X.n");
    FieldChecks.atMost(Long.MAX_VALUE, Long.MAX_VALUE, "X.n");
    assertEquals("X.n must be at least 1, was 0", refusal(() -> FieldChecks.atLeast(0, 1, "X.n")));
    assertEquals("X.n must be at most 99, was 100", refusal(() -> FieldChecks.atMost(100, 99, "X.n")));
  }

  @Test
  void decimalBoundsCompareAmountsNotScales() {
    FieldChecks.atLeast(new BigDecimal("1.00"), new BigDecimal("1"), "X.price");
    FieldChecks.atMost(new BigDecimal("50.0"), new BigDecimal("50"), "X.price");
    assertEquals("X.price must be at least 0, was -0.01",
        refusal(() -> FieldChecks.atLeast(new BigDecimal("-0.01"), BigDecimal.ZERO, "X.price")));
    assertEquals("X.price must be at most 50, was 50.01",
        refusal(() -> FieldChecks.atMost(new BigDecimal("50.01"), new BigDecimal("50"), "X.price")));
  }

  @Test
  void aScaleIsAppliedAndNeverRoundsAwayDigits() {
    assertEquals(new BigDecimal("9.90"), FieldChecks.scale(new BigDecimal("9.9"), 2, "X.price"));
    assertEquals(new BigDecimal("9.90"), FieldChecks.scale(new BigDecimal("9.900"), 2, "X.price"));
    assertEquals("X.price must have at most 2 decimal places, was 9.991",
        refusal(() -> FieldChecks.scale(new BigDecimal("9.991"), 2, "X.price")));
  }

  @Test
  void anAmountWithoutScaleHasOneFormAndNoExponent() {
    assertEquals(new BigDecimal("9.9"), FieldChecks.normalized(new BigDecimal("9.90")));
    assertEquals("100", FieldChecks.normalized(new BigDecimal("100.00")).toString());
    assertEquals("100", FieldChecks.normalized(new BigDecimal("1E+2")).toString());
    assertEquals(FieldChecks.normalized(new BigDecimal("0.0")), FieldChecks.normalized(new BigDecimal("0")));
  }
}
