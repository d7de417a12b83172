package com.example.bank;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;

/** An account: a balance, closed or not. */
public final class Account implements AccountDecider<Account.State> {

  /** The balance and whether the account is closed. */
  public record State(int balance, boolean closed) {}

  @Override
  public State initialState() {
    return new State(0, false);
  }

  @Override
  public Decision<OpenAccount.Emits, NoRejection> decide(OpenAccount command, State state) {
    return Decision.accept(new AccountOpened(command.accountId(), command.balance()));
  }

  @Override
  public Decision<CloseAccount.Emits, NoRejection> decide(CloseAccount command, State state) {
    return Decision.accept(new AccountClosed(command.accountId()));
  }

  @Override
  public Decision<DebitAccount.Emits, DebitAccount.Rejects> decide(DebitAccount command, State state) {
    if (state.balance() < command.amount()) {
      return Decision.reject(new InsufficientFunds());
    }
    return Decision.accept(new AccountDebited(command.accountId(), command.transferId(), command.amount()));
  }

  @Override
  public Decision<CreditAccount.Emits, CreditAccount.Rejects> decide(CreditAccount command, State state) {
    if (state.closed()) {
      return Decision.reject(new AccountIsClosed());
    }
    return Decision.accept(new AccountCredited(command.accountId(), command.transferId(), command.amount()));
  }

  @Override
  public Decision<RefundDebit.Emits, NoRejection> decide(RefundDebit command, State state) {
    return Decision.accept(new DebitRefunded(command.accountId(), command.transfer(), command.amount()));
  }

  @Override
  public State evolve(State state, AccountOpened event) {
    return new State(event.balance(), false);
  }

  @Override
  public State evolve(State state, AccountClosed event) {
    return new State(state.balance(), true);
  }

  @Override
  public State evolve(State state, AccountDebited event) {
    return new State(state.balance() - event.amount(), state.closed());
  }

  @Override
  public State evolve(State state, AccountCredited event) {
    return new State(state.balance() + event.amount(), state.closed());
  }

  @Override
  public State evolve(State state, DebitRefunded event) {
    return new State(state.balance() + event.amount(), state.closed());
  }
}
