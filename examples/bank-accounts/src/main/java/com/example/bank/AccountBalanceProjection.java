package com.example.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** Keeps one row per account: its holder, limit, balance and whether it is open. */
public final class AccountBalanceProjection implements AccountBalanceProjector {

  private static final Money NO_LIMIT = new Money(BigDecimal.ZERO.setScale(2));

  @Override
  public AccountBalance initial(UUID accountId) {
    return new AccountBalance(accountId, "", NO_LIMIT, balance(BigDecimal.ZERO), AccountStatus.OPEN);
  }

  @Override
  public AccountBalance project(AccountBalance view, AccountOpened event) {
    return new AccountBalance(event.accountId(), event.holder(), event.overdraftLimit(), view.balance(),
        AccountStatus.OPEN);
  }

  @Override
  public AccountBalance project(AccountBalance view, MoneyDeposited event) {
    return plus(view, event.amount().value());
  }

  @Override
  public AccountBalance project(AccountBalance view, MoneyWithdrawn event) {
    return withBalance(view, event.balance());
  }

  @Override
  public AccountBalance project(AccountBalance view, OverdraftFeeCharged event) {
    return withBalance(view, event.balance());
  }

  @Override
  public AccountBalance project(AccountBalance view, AccountClosed event) {
    return new AccountBalance(view.accountId(), view.holder(), view.overdraftLimit(), view.balance(),
        AccountStatus.CLOSED);
  }

  @Override
  public AccountBalance project(AccountBalance view, TransferDebited event) {
    return plus(view, event.amount().value().negate());
  }

  @Override
  public AccountBalance project(AccountBalance view, TransferCredited event) {
    return plus(view, event.amount().value());
  }

  @Override
  public AccountBalance project(AccountBalance view, TransferRefunded event) {
    return plus(view, event.amount().value());
  }

  private static AccountBalance plus(AccountBalance view, BigDecimal amount) {
    return withBalance(view, balance(view.balance().value().add(amount)));
  }

  private static AccountBalance withBalance(AccountBalance view, Balance balance) {
    return new AccountBalance(view.accountId(), view.holder(), view.overdraftLimit(), balance, view.status());
  }

  private static Balance balance(BigDecimal value) {
    return new Balance(value.setScale(2));
  }
}
