package com.example.cart;

import java.math.BigDecimal;
import java.util.UUID;

/** Keeps one summary row per cart: who it belongs to, how many items, what they cost, and its status. */
public final class CartSummaryProjection implements CartSummaryProjector {

  @Override
  public CartSummary initial(UUID cartId) {
    return new CartSummary(cartId, "", 0, new Money(BigDecimal.ZERO), CartStatus.OPEN);
  }

  @Override
  public CartSummary project(CartSummary view, CartCreated event) {
    return new CartSummary(event.cartId(), event.customer(), 0, new Money(BigDecimal.ZERO), CartStatus.OPEN);
  }

  @Override
  public CartSummary project(CartSummary view, ItemAdded event) {
    BigDecimal added = event.price().value().multiply(BigDecimal.valueOf(event.quantity()));
    return new CartSummary(view.cartId(), view.customer(), view.items() + event.quantity(),
        new Money(view.total().value().add(added)), view.status());
  }

  @Override
  public CartSummary project(CartSummary view, ItemRemoved event) {
    BigDecimal removed = event.price().value().multiply(BigDecimal.valueOf(event.quantity()));
    return new CartSummary(view.cartId(), view.customer(), view.items() - event.quantity(),
        new Money(view.total().value().subtract(removed)), view.status());
  }

  @Override
  public CartSummary project(CartSummary view, CartSubmitted event) {
    return new CartSummary(view.cartId(), view.customer(), event.items(), event.total(), CartStatus.SUBMITTED);
  }

  @Override
  public CartSummary project(CartSummary view, CartAbandoned event) {
    return new CartSummary(view.cartId(), view.customer(), view.items(), view.total(), CartStatus.ABANDONED);
  }
}
