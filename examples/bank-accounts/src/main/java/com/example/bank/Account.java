package com.example.bank;

import dev.eventsmith.runtime.Decision;
import java.math.BigDecimal;

/** An account's rules: money comes in and goes out down to the overdraft limit; only an empty account closes. */
public final class Account implements AccountDecider<Account.State> {

  /** What the rules need to know about one account; amounts at two decimal places. */
  public record State(boolean opened, boolean closed, BigDecimal balance, BigDecimal overdraftLimit) {

    /** What may still be taken out: the balance plus the overdraft, below zero after a fee beyond the limit. */
    BigDecimal available() {
      return balance.add(overdraftLimit);
    }

    State withBalance(BigDecimal changed) {
      return new State(opened, closed, changed.setScale(2), overdraftLimit);
    }
  }

  @Override
  public State initialState() {
    return new State(false, false, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
  }

  @Override
  public Decision<OpenAccount.Emits, OpenAccount.Rejects> decide(OpenAccount command, State state) {
    if (state.opened()) {
      return Decision.reject(new AccountAlreadyOpened());
    }
    return Decision.accept(new AccountOpened(command.accountId(), command.holder(), command.overdraftLimit()));
  }

  @Override
  public Decision<DepositMoney.Emits, DepositMoney.Rejects> decide(DepositMoney command, State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    return Decision.accept(new MoneyDeposited(command.accountId(), command.amount(), command.channel()));
  }

  @Override
  public Decision<WithdrawMoney.Emits, WithdrawMoney.Rejects> decide(WithdrawMoney command, State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    BigDecimal amount = command.amount().value();
    if (amount.compareTo(state.available()) > 0) {
      return Decision.reject(new OverdraftLimitExceeded(new Balance(state.available())));
    }
    return Decision.accept(new MoneyWithdrawn(command.accountId(), command.amount(),
        new Balance(state.balance().subtract(amount))));
  }

  /** A fee is owed whatever the limit: it may take the balance below it. */
  @Override
  public Decision<ChargeOverdraftFee.Emits, ChargeOverdraftFee.Rejects> decide(ChargeOverdraftFee command,
      State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    return Decision.accept(new OverdraftFeeCharged(command.accountId(), command.fee(),
        new Balance(state.balance().subtract(command.fee().value()))));
  }

  @Override
  public Decision<CloseAccount.Emits, CloseAccount.Rejects> decide(CloseAccount command, State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    if (state.balance().signum() != 0) {
      return Decision.reject(new BalanceNotZero(new Balance(state.balance())));
    }
    return Decision.accept(new AccountClosed(command.accountId()));
  }

  @Override
  public Decision<DebitForTransfer.Emits, DebitForTransfer.Rejects> decide(DebitForTransfer command, State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    if (command.amount().value().compareTo(state.available()) > 0) {
      return Decision.reject(new OverdraftLimitExceeded(new Balance(state.available())));
    }
    return Decision.accept(new TransferDebited(command.accountId(), command.transferId(), command.amount()));
  }

  @Override
  public Decision<CreditFromTransfer.Emits, CreditFromTransfer.Rejects> decide(CreditFromTransfer command,
      State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    return Decision.accept(new TransferCredited(command.accountId(), command.transferId(), command.amount()));
  }

  /** The money of a transfer that could not finish goes back, even to an account closed meanwhile. */
  @Override
  public Decision<RefundTransfer.Emits, RefundTransfer.Rejects> decide(RefundTransfer command, State state) {
    if (!state.opened()) {
      return Decision.reject(new AccountNotFound());
    }
    return Decision.accept(new TransferRefunded(command.accountId(), command.transferId(), command.amount()));
  }

  @Override
  public State evolve(State state, AccountOpened event) {
    return new State(true, false, state.balance(), event.overdraftLimit().value().setScale(2));
  }

  @Override
  public State evolve(State state, MoneyDeposited event) {
    return state.withBalance(state.balance().add(event.amount().value()));
  }

  @Override
  public State evolve(State state, MoneyWithdrawn event) {
    return state.withBalance(event.balance().value());
  }

  @Override
  public State evolve(State state, OverdraftFeeCharged event) {
    return state.withBalance(event.balance().value());
  }

  @Override
  public State evolve(State state, AccountClosed event) {
    return new State(true, true, state.balance(), state.overdraftLimit());
  }

  @Override
  public State evolve(State state, TransferDebited event) {
    return state.withBalance(state.balance().subtract(event.amount().value()));
  }

  @Override
  public State evolve(State state, TransferCredited event) {
    return state.withBalance(state.balance().add(event.amount().value()));
  }

  @Override
  public State evolve(State state, TransferRefunded event) {
    return state.withBalance(state.balance().add(event.amount().value()));
  }
}
