package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

  @Test
  void aligns_common_lines_around_an_insertion() {
    List<String> rows = SideBySide.render("expected", List.of("a", "b", "c"), "actual", List.of("a", "x", "b", "c"));

    assertEquals(List.of(
        "  expected                          | actual",
        "  a                                 | a",
        ">                                   | x",
        "  b                                 | b",
        "  c                                 | c"), rows);
  }

  @Test
  void pairs_replaced_lines_and_widens_for_long_lines() {
    String longLine = "x".repeat(40);
    List<String> rows = SideBySide.render("expected", List.of(longLine, "same"), "actual", List.of("other", "same"));

    assertEquals(List.of(
        "  expected" + " ".repeat(34) + "| actual",
        "> " + longLine + "  | other",
        "  same" + " ".repeat(38) + "| same"), rows);
  }
}
