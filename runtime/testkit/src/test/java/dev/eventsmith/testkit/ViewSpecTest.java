package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.CartSubmitted;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.CartSummary;
import dev.eventsmith.testkit.cart.CartSummaryProjection;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ViewSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 57, "CartSummary", "sums the items");
  private final UUID cart = symbols.uuid("cart");
  private final Money price = new Money(new BigDecimal("9.99"));

  private ViewSpec<UUID, CartSummary> spec() {
    return ViewSpec.of(new CartSummaryProjection(), ShoppingCartCodec.INSTANCE, symbols, source);
  }

  @Test
  void passes_when_the_row_matches_and_skips_events_the_view_ignores() {
    spec().given(new CartCreated(cart, "ann"), new ItemAdded(cart, new Sku("ABC-1"), price, 2),
            new CartSubmitted(cart, new Money(new BigDecimal("19.98"))))
        .thenView(cart, new CartSummary(cart, "ann", 2, new Money(new BigDecimal("19.98"))));
  }

  @Test
  void shows_a_differing_row_side_by_side() {
    AssertionFailedError e = failure(() -> spec()
        .given(new CartCreated(cart, "ann"), new ItemAdded(cart, new Sku("ABC-1"), price, 2))
        .thenView(cart, new CartSummary(cart, "ann", 2, new Money(new BigDecimal("19.99")))));

    assertEquals(String.join("\n",
        "spec 'sums the items' (CartSummary) failed at cart.yaml:57",
        "  expected view                     | actual view",
        "  CartSummary:                      | CartSummary:",
        "    cartId: $cart                   |   cartId: $cart",
        "    customer: ann                   |   customer: ann",
        "    items: 2                        |   items: 2",
        ">   total: 19.99                    |   total: 19.98"), e.getMessage());
  }

  @Test
  void a_missing_row_says_which_rows_exist() {
    UUID other = symbols.uuid("other");
    AssertionFailedError e = failure(() -> spec()
        .given(new CartCreated(other, "bob"))
        .thenView(cart, new CartSummary(cart, "ann", 0, Money.ZERO)));

    contains(e, "spec 'sums the items' (CartSummary) failed at cart.yaml:57",
        "no CartSummary row for key $cart: the events made rows only for $other",
        "> CartSummary:                      | (no row)");
  }

  @Test
  void a_difference_of_decimal_scale_is_visible() {
    AssertionFailedError e = failure(() -> spec()
        .given(new CartCreated(cart, "ann"), new ItemAdded(cart, new Sku("ABC-1"), new Money(new BigDecimal("1.00")), 1))
        .thenView(cart, new CartSummary(cart, "ann", 1, new Money(new BigDecimal("1.0")))));

    contains(e, ">   total: 1.0                      |   total: 1.00");
  }
}
