package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.testkit.cart.CartCommand.CartAlreadySubmitted;
import dev.eventsmith.testkit.cart.CartCommand.TooManyItems;
import dev.eventsmith.testkit.cart.CartEvent;
import dev.eventsmith.testkit.cart.CartEvent.CartTagged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpecYamlTest {

  private final Symbols symbols = new Symbols();
  private final SpecYaml yaml = new SpecYaml(symbols);

  record Line(String sku, int quantity) {}

  record Order(UUID id, List<Line> lines, Map<String, Integer> counts, List<String> empty, Optional<Instant> paidAt,
      LocalDate on, Line first) {}

  record Nothing() {}

  @Test
  void renders_lists_optionals_enums_and_nested_records() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    Order order = new Order(id, List.of(new Line("A", 1), new Line("B", 2)), Map.of("x", 1), List.of(),
        Optional.empty(), LocalDate.of(2026, 1, 31), new Line("C", 3));

    assertEquals(List.of(
        "Order:",
        "  id: 00000000-0000-0000-0000-000000000001",
        "  lines:",
        "    - sku: A",
        "      quantity: 1",
        "    - sku: B",
        "      quantity: 2",
        "  counts:",
        "    x: 1",
        "  empty: []",
        "  paidAt: null",
        "  on: 2026-01-31",
        "  first:",
        "    sku: C",
        "    quantity: 3"), yaml.row(order));

    assertEquals(List.of(
        "- CartTagged:",
        "    cartId: $cart",
        "    tags:",
        "      - \"yes\"",
        "      - plain",
        "    note: \"a: b\"",
        "    channel: WEB",
        "- Nothing: {}"), yaml.events(List.of(
            new CartTagged(symbols.uuid("cart"), List.of("yes", "plain"), Optional.of("a: b"), CartEvent.Channel.WEB),
            new Nothing())));
    assertEquals(List.of("[]"), yaml.events(List.of()));
  }

  @Test
  void renders_rejections_on_one_line() {
    assertEquals("rejected: TooManyItems {max: 3}", yaml.rejection(new TooManyItems(3)));
    assertEquals("rejected: CartAlreadySubmitted", yaml.rejection(new CartAlreadySubmitted()));
  }

  @Test
  void quotes_strings_only_when_yaml_would_read_them_otherwise() {
    assertEquals("ABC-1", SpecYaml.quotedIfNeeded("ABC-1"));
    assertEquals("ann smith", SpecYaml.quotedIfNeeded("ann smith"));
    assertEquals("\"\"", SpecYaml.quotedIfNeeded(""));
    assertEquals("\"12\"", SpecYaml.quotedIfNeeded("12"));
    assertEquals("\"9.99\"", SpecYaml.quotedIfNeeded("9.99"));
    assertEquals("\"true\"", SpecYaml.quotedIfNeeded("true"));
    assertEquals("\"null\"", SpecYaml.quotedIfNeeded("null"));
    assertEquals("\"$cart\"", SpecYaml.quotedIfNeeded("$cart"), "a literal must not look like a symbol");
    assertEquals("\"- x\"", SpecYaml.quotedIfNeeded("- x"));
    assertEquals("\"a #b\"", SpecYaml.quotedIfNeeded("a #b"));
    assertEquals("\"line\\nbreak \\\"q\\\"\"", SpecYaml.quotedIfNeeded("line\nbreak \"q\""));
    assertEquals("\"2026-01-31\"", SpecYaml.quotedIfNeeded("2026-01-31"));
  }
}
