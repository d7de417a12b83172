package dev.eventsmith.maven.strength;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsTest {

  private static final String BOUNDARY = "org.pitest.mutationtest.engine.gregor.mutators.ConditionalsBoundaryMutator";
  private static final String NEGATE = "org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator";

  @Test
  void aBoundaryNamesTheOperatorAndWhatItBecomes() {
    assertEquals("no spec fails when GiftCard.java:36 `>` becomes `>=`: add a spec at that boundary",
        Findings.sentence("GiftCard.java:36", BOUNDARY, "changed conditional boundary",
            Optional.of("    if (command.amount() > state.balance()) {"), true));
    assertEquals("no spec fails when Cart.java:9 `<=` becomes `<`: add a spec at that boundary",
        Findings.sentence("Cart.java:9", BOUNDARY, "changed conditional boundary",
            Optional.of("return items <= MAX;"), true));
  }

  @Test
  void aNegatedBooleanConditionIsQuoted() {
    assertEquals("no spec fails when the condition `state.issued()` at GiftCard.java:18 is inverted: add a spec"
        + " where it turns out the other way", Findings.sentence("GiftCard.java:18", NEGATE, "negated conditional",
            Optional.of("    if (state.issued()) {"), true));
    assertEquals("no spec fails when Cart.java:3 `==` becomes `!=`: add a spec for the other outcome of that"
        + " comparison", Findings.sentence("Cart.java:3", NEGATE, "negated conditional",
            Optional.of("if (a == b) {"), true));
  }

  @Test
  void genericsAndArrowsAreNoComparison() {
    assertEquals("no spec fails when A.java:1 changed conditional boundary: add a spec that notices",
        Findings.sentence("A.java:1", BOUNDARY, "changed conditional boundary",
            Optional.of("List<String> names = list.stream().map(x -> x).toList();"), true));
  }

  @Test
  void arithmeticAndReturnValuesAreNamedInJavaTerms() {
    assertEquals("no spec fails when GiftCard.java:42 `-` becomes `+`: add a spec whose expected value depends on"
        + " that arithmetic", Findings.sentence("GiftCard.java:42", "org.pitest.MathMutator",
            "Replaced integer subtraction with addition", Optional.of("x - y"), true));
    assertEquals("no spec fails when CardBalanceProjection.java:10 `initial` returns null instead: add a spec that"
        + " checks what it returns", Findings.sentence("CardBalanceProjection.java:10", "org.pitest.NullReturnValsMutator",
            "replaced return value with null for com/example/giftcard/CardBalanceProjection::initial",
            Optional.empty(), true));
  }

  @Test
  void codeNoSpecRunsIsNamedAsSuch() {
    assertEquals("no spec runs Cart.java:70 `return total;`: add a spec that reaches it",
        Findings.sentence("Cart.java:70", BOUNDARY, "whatever", Optional.of("  return total;"), false));
  }
}
