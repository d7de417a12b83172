package dev.eventsmith.testkit.cart;

import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.testkit.cart.CartCommand.AddItem;
import dev.eventsmith.testkit.cart.CartCommand.CartAlreadySubmitted;
import dev.eventsmith.testkit.cart.CartCommand.TooManyItems;
import dev.eventsmith.testkit.cart.CartEvent.CartSubmitted;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;

/** Stands in for hand-written decider code. SKU "BOOM" makes decide throw, for the failure path. */
public final class Cart implements Decider<Cart.State, CartCommand, CartEvent> {

  /** The folded state of one cart. */
  public record State(int items, Money total, boolean submitted) {}

  @Override
  public State initialState() {
    return new State(0, Money.ZERO, false);
  }

  @Override
  public Decision<? extends CartEvent, ? extends Rejection> decide(CartCommand command, State state) {
    if (state.submitted()) {
      return Decision.reject(new CartAlreadySubmitted());
    }
    if (command instanceof AddItem add) {
      if (add.sku().value().equals("BOOM")) {
        throw new IllegalStateException("no stock service");
      }
      if (state.items() + add.quantity() > 3) {
        return Decision.reject(new TooManyItems(3));
      }
      return Decision.accept(new ItemAdded(add.cartId(), add.sku(), add.price(), add.quantity()));
    }
    return state.items() == 0 ? Decision.accept() : Decision.accept(new CartSubmitted(command.cartId(), state.total()));
  }

  @Override
  public State evolve(State state, CartEvent event) {
    if (event instanceof ItemAdded added) {
      return new State(state.items() + added.quantity(), state.total().plus(added.price().times(added.quantity())), false);
    }
    if (event instanceof CartSubmitted) {
      return new State(state.items(), state.total(), true);
    }
    return state;
  }

  @Override
  public Class<CartEvent> eventType() {
    return CartEvent.class;
  }
}
