package com.example.cart;

import dev.eventsmith.runtime.Decision;

/** A cart's payment: requested once. */
public final class Payment implements PaymentDecider<Boolean> {

  /** The state is whether the payment was requested already. */
  @Override
  public Boolean initialState() {
    return false;
  }

  @Override
  public Decision<RequestPayment.Emits, RequestPayment.Rejects> decide(RequestPayment command, Boolean requested) {
    if (requested) {
      return Decision.reject(new PaymentAlreadyRequested());
    }
    return Decision.accept(new PaymentRequested(command.cartId(), command.amount()));
  }

  @Override
  public Boolean evolve(Boolean requested, PaymentRequested event) {
    return true;
  }
}
