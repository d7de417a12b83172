package com.example.cart;

import java.util.List;

/** When a cart is submitted, ask for the payment of its total. */
public final class RequestPaymentOnSubmit implements RequestPaymentOnSubmitAutomation {

  @Override
  public List<Issues> react(CartSubmitted event) {
    return List.of(new RequestPayment(event.cartId(), event.total()));
  }
}
