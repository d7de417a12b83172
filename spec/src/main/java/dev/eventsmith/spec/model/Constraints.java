package dev.eventsmith.spec.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Constraints on a value: {@code pattern} and {@code maxLength} for strings, {@code min}, {@code max}
 * and {@code scale} for numbers. Every constraint is optional.
 */
public record Constraints(
    Optional<String> pattern,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    Optional<Integer> scale,
    Optional<Integer> maxLength) {

  private static final Constraints NONE =
      new Constraints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** No constraint at all. */
  public static Constraints none() {
    return NONE;
  }

  /** Whether no constraint is set. */
  public boolean isEmpty() {
    return this.equals(NONE);
  }
}
