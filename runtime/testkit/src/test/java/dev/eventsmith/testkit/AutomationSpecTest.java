package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.testkit.cart.CartCommand.SubmitCart;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AutomationSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 88, "SubmitWhenFull", "submits a full cart");
  private final UUID cart = symbols.uuid("cart");

  /** Submits a cart as soon as an item fills it to five. */
  private static final class SubmitWhenFull implements Automation {
    @Override
    public List<? extends Command> react(Event event) {
      if (event instanceof ItemAdded added && added.quantity() >= 5) {
        return List.of(new SubmitCart(added.cartId()));
      }
      return List.of();
    }
  }

  private AutomationSpec spec() {
    return AutomationSpec.of(new SubmitWhenFull(), ShoppingCartCodec.INSTANCE, symbols, source);
  }

  private ItemAdded added(int quantity) {
    return new ItemAdded(cart, new Sku("ABC-1"), new Money(new BigDecimal("1.00")), quantity);
  }

  @Test
  void passesWhenTheIssuedCommandsMatch() {
    spec().given(new CartCreated(cart, "ann"), added(5)).thenCommands(new SubmitCart(cart));
    spec().given(new CartCreated(cart, "ann"), added(1)).thenCommands();
  }

  @Test
  void showsMissingCommandsSideBySide() {
    AssertionFailedError e = failure(() -> spec().given(added(1)).thenCommands(new SubmitCart(cart)));
    contains(e, "spec 'submits a full cart' (SubmitWhenFull) failed at cart.yaml:88", "expected commands",
        "actual commands", "SubmitCart");
  }

  @Test
  void aThrowingAutomationNamesTheStep() {
    Automation broken = event -> {
      throw new IllegalStateException("boom");
    };
    AssertionFailedError e = failure(() ->
        AutomationSpec.of(broken, ShoppingCartCodec.INSTANCE, symbols, source).given(added(1)).thenCommands());
    contains(e, "react(ItemAdded) threw java.lang.IllegalStateException");
  }
}
