package com.example.bank;

import java.math.BigDecimal;

/** The bank's one row of deposits: how many, and their sum. */
public final class DepositsProjection implements DepositsProjector {

  @Override
  public Deposits initial(String key) {
    return new Deposits(0, new Money(BigDecimal.ZERO.setScale(2)));
  }

  @Override
  public Deposits project(Deposits view, MoneyDeposited event) {
    return new Deposits(view.count() + 1, new Money(view.total().value().add(event.amount().value()).setScale(2)));
  }
}
