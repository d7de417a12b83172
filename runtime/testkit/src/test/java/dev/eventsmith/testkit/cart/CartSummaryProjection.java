package dev.eventsmith.testkit.cart;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import java.util.Optional;
import java.util.UUID;

/** Stands in for a hand-written projector; it ignores submits and tags. */
public final class CartSummaryProjection implements Projector<UUID, CartSummary> {

  @Override
  public CartSummary initial(UUID key) {
    return new CartSummary(key, "", 0, Money.ZERO);
  }

  @Override
  public Optional<UUID> keyOf(Event event) {
    return event instanceof CartCreated || event instanceof ItemAdded ? Optional.of(((CartEvent) event).cartId()) : Optional.empty();
  }

  @Override
  public CartSummary project(CartSummary view, Event event) {
    if (event instanceof CartCreated e) {
      return new CartSummary(view.cartId(), e.customer(), view.items(), view.total());
    }
    ItemAdded e = (ItemAdded) event;
    return new CartSummary(view.cartId(), view.customer(), view.items() + e.quantity(), view.total().plus(e.price().times(e.quantity())));
  }
}
