package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SpecReportTest {

  private final SpecReport report = new SpecReport(new SpecSource("orders.yaml", 7, "PlaceOrder", "places an order"));

  @Test
  void values_that_render_alike_but_are_not_equal_are_called_out() {
    AssertionFailedError e = report.mismatch("", "expected view", List.of("Row: {}"), "actual view", List.of("Row: {}"));
    assertTrue(e.getMessage().endsWith("(they render alike but are not equal: check equals() of the types involved)"),
        e.getMessage());
  }

  @Test
  void an_exception_keeps_its_cause_and_names_the_spec() {
    ArithmeticException cause = new ArithmeticException("/ by zero");
    AssertionFailedError e = report.threw("evolve with given event #2 (ItemAdded)", cause);
    assertEquals("spec 'places an order' (PlaceOrder) failed at orders.yaml:7\n"
        + "  evolve with given event #2 (ItemAdded) threw java.lang.ArithmeticException: / by zero", e.getMessage());
    assertSame(cause, e.getCause());
  }
}
