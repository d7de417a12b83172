package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.testkit.cart.CartCommand.SubmitCart;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.CartSummary;
import dev.eventsmith.testkit.cart.CartSummaryProjection;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ViewAutomationSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 99, "SubmitAtThree", "submits at three items");
  private final UUID cart = symbols.uuid("cart");

  /** Submits a cart when its summary first shows three items. */
  private static final class SubmitAtThree implements ViewAutomation<CartSummary> {
    @Override
    public List<? extends Command> react(CartSummary row) {
      return row.items() == 3 ? List.of(new SubmitCart(row.cartId())) : List.of();
    }
  }

  private ViewAutomationSpec<UUID, CartSummary> spec() {
    return ViewAutomationSpec.of(new SubmitAtThree(), new CartSummaryProjection(), ShoppingCartCodec.INSTANCE, symbols,
        source);
  }

  private ItemAdded added(int quantity) {
    return new ItemAdded(cart, new Sku("ABC-1"), new Money(new BigDecimal("1.00")), quantity);
  }

  @Test
  void theRowsBuiltFromTheGivenEventsTriggerTheAutomation() {
    spec().given(new CartCreated(cart, "ann"), added(1), added(2), added(1)).thenCommands(new SubmitCart(cart));
    spec().given(new CartCreated(cart, "ann"), added(2)).thenCommands();
  }

  @Test
  void aMissingCommandFailsWithTheSpecsLocation() {
    AssertionFailedError e = failure(() -> spec().given(new CartCreated(cart, "ann"), added(1))
        .thenCommands(new SubmitCart(cart)));
    contains(e, "spec 'submits at three items' (SubmitAtThree) failed at cart.yaml:99", "expected commands",
        "SubmitCart");
  }
}
