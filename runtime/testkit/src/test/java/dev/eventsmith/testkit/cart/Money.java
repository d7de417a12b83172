package dev.eventsmith.testkit.cart;

import java.math.BigDecimal;

/** Stands in for a generated value type. */
public record Money(BigDecimal value) {
  public static final Money ZERO = new Money(new BigDecimal("0.00"));

  public Money plus(Money other) {
    return new Money(value.add(other.value));
  }

  public Money times(int quantity) {
    return new Money(value.multiply(BigDecimal.valueOf(quantity)));
  }
}
