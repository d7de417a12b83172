package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;

import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.testkit.cart.CartCommand;
import dev.eventsmith.testkit.cart.CartCommand.AddItem;
import dev.eventsmith.testkit.cart.CartEvent;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A spec fails, as production would, when a decider records an event in another aggregate's stream. */
class ForeignStreamTest {

  private final Symbols symbols = new Symbols();
  private final UUID cart = symbols.uuid("cart");
  private final UUID other = symbols.uuid("other");

  /** Adds every item to the other cart: the command handler would refuse to append it. */
  private final class Misrouting implements Decider<Object, CartCommand, CartEvent> {
    @Override
    public Object initialState() {
      return "";
    }

    @Override
    public Decision<? extends CartEvent, ? extends Rejection> decide(CartCommand command, Object state) {
      AddItem add = (AddItem) command;
      return Decision.accept(new ItemAdded(other, add.sku(), add.price(), add.quantity()));
    }

    @Override
    public Object evolve(Object state, CartEvent event) {
      return state;
    }

    @Override
    public Class<CartEvent> eventType() {
      return CartEvent.class;
    }
  }

  @Test
  void anEventForAnotherStreamFailsTheSpec() {
    Money price = new Money(new BigDecimal("1.00"));
    AssertionFailedError e = failure(() ->
        DeciderSpec.of(new Misrouting(), ShoppingCartCodec.INSTANCE, symbols,
                new SpecSource("cart.yaml", 7, "AddItem", "adds to the right cart"))
            .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
            .thenEvents(new ItemAdded(other, new Sku("ABC-1"), price, 1)));
    contains(e, "spec 'adds to the right cart' (AddItem) failed at cart.yaml:7", "emitted event #1 (ItemAdded)",
        "but the command is addressed to stream Cart-" + cart);
  }
}
