package com.example.bank;

import java.math.BigDecimal;
import java.util.List;

/** A withdrawal that leaves the account below zero costs a fixed fee. */
public final class ChargeFeeWhenOverdrawn implements ChargeFeeWhenOverdrawnAutomation {

  static final Money FEE = new Money(new BigDecimal("5.00"));

  @Override
  public List<Issues> react(MoneyWithdrawn event) {
    if (event.balance().value().signum() >= 0) {
      return List.of();
    }
    return List.of(new ChargeOverdraftFee(event.accountId(), FEE));
  }
}
