package dev.eventsmith.mcp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's failure messages taken apart (McpServerIT parses one the test kit really wrote). */
class SpecFailureTest {

  @Test
  void expectedAndActualComeApartAtTheColumnWhateverTheValuesHold() {
    String message = String.join("\n",
        "spec 'adds an item' (AddItem) failed at cart.yaml:42",
        "  expected events                   | actual events",
        "  - CartCreated: {cartId: $cart}    | - CartCreated: {cartId: $cart}",
        "> - ItemAdded: {sku: A|B, qty: 2}   | - ItemAdded: {sku: A|B, qty: 3}",
        ">                                   | - ItemAdded: {sku: C, qty: 1}");
    Map<String, Object> parsed = SpecFailure.parse(message);
    assertEquals("spec 'adds an item' (AddItem) failed at cart.yaml:42", parsed.get("header"));
    assertEquals("expected events", parsed.get("expectedTitle"));
    assertEquals("actual events", parsed.get("actualTitle"));
    assertEquals(List.of("- CartCreated: {cartId: $cart}", "- ItemAdded: {sku: A|B, qty: 2}"), parsed.get("expected"));
    assertEquals(List.of("- CartCreated: {cartId: $cart}", "- ItemAdded: {sku: A|B, qty: 3}",
        "- ItemAdded: {sku: C, qty: 1}"), parsed.get("actual"));
    List<?> rows = (List<?>) parsed.get("rows");
    assertEquals(Map.of("differs", true, "expected", "", "actual", "- ItemAdded: {sku: C, qty: 1}"), rows.get(2));
    assertEquals(false, ((Map<?, ?>) rows.get(0)).get("differs"));
  }

  @Test
  void aReasonAndANoteAreKept() {
    String message = String.join("\n",
        "spec 's' (AddItem) failed at cart.yaml:7",
        "  the command was rejected, but events were expected",
        "  expected events                   | actual rejection",
        "> - ItemAdded: {sku: A}             | CartNotFound: {}",
        "  (they render alike but are not equal: check equals() of the types involved)");
    Map<String, Object> parsed = SpecFailure.parse(message);
    assertEquals("the command was rejected, but events were expected", parsed.get("reason"));
    assertEquals(List.of("CartNotFound: {}"), parsed.get("actual"));
    assertEquals(List.of("(they render alike but are not equal: check equals() of the types involved)"),
        parsed.get("notes"));
  }

  @Test
  void aFailureWithoutSidesIsAProblem() {
    Map<String, Object> parsed = SpecFailure.parse(
        "spec 's' (AddItem) failed at cart.yaml:7\n  decide(AddItem) threw java.lang.IllegalStateException: no");
    assertEquals("decide(AddItem) threw java.lang.IllegalStateException: no", parsed.get("problem"));
  }
}
