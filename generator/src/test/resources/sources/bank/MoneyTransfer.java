package com.example.bank;

import dev.eventsmith.runtime.Reaction;
import java.time.Instant;
import java.util.UUID;

/**
 * Debits the source, then credits the target; gives the money back when the target is closed,
 * and cancels the transfer when it is not debited within an hour.
 */
public final class MoneyTransfer implements MoneyTransferProcess {

  @Override
  public MoneyTransferState initial(UUID transferId) {
    return new MoneyTransferState(transferId, transferId, transferId, 0, false);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferRequested event) {
    return new MoneyTransferState(event.transferId(), event.source(), event.target(), event.amount(), false);
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferRequested event, Instant now) {
    return Reaction.issue(new DebitAccount(state.source(), state.transferId(), state.amount()))
        .andSchedule(EXPIRE, EXPIRE_AFTER);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, AccountDebited event) {
    return new MoneyTransferState(state.transferId(), state.source(), state.target(), state.amount(), true);
  }

  @Override
  public Reaction react(MoneyTransferState state, AccountDebited event, Instant now) {
    return Reaction.issue(new CreditAccount(state.target(), state.transferId(), state.amount()))
        .andCancel(EXPIRE);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, AccountCredited event) {
    return state;
  }

  @Override
  public Reaction react(MoneyTransferState state, AccountCredited event, Instant now) {
    return Reaction.none();
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, DebitRefunded event) {
    return state;
  }

  @Override
  public Reaction react(MoneyTransferState state, DebitRefunded event, Instant now) {
    return Reaction.none();
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferCancelled event) {
    return state;
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferCancelled event, Instant now) {
    return Reaction.none();
  }

  @Override
  public Reaction onExpire(MoneyTransferState state, Instant now) {
    return Reaction.issue(new CancelTransfer(state.transferId()));
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, CreditAccount command, AccountIsClosed rejection) {
    return Reaction.issue(new RefundDebit(state.source(), state.transferId(), state.amount()));
  }
}
