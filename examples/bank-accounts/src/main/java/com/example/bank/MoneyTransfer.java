package com.example.bank;

import dev.eventsmith.runtime.Reaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as a process, one instance per transfer: it debits the source account, credits the
 * target account and completes the transfer. Above {@link #APPROVAL_ABOVE} the credit waits for
 * the transfer's approval. Compensation: a debit that is refused fails the transfer; a credit that
 * is refused (the target account is closed, or was never opened) gives the money back to the
 * source and fails the transfer; so does the deadline {@code expire}, when the transfer is not
 * credited within an hour of its request.
 */
public final class MoneyTransfer implements MoneyTransferProcess {

  static final BigDecimal APPROVAL_ABOVE = new BigDecimal("1000.00");

  @Override
  public MoneyTransferState initial(UUID transferId) {
    return new MoneyTransferState(transferId, transferId, transferId, new Money(BigDecimal.ZERO), false, false,
        false);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferRequested event) {
    return new MoneyTransferState(event.transferId(), event.fromAccount(), event.toAccount(), event.amount(), false,
        false, false);
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferRequested event, Instant now) {
    return Reaction.issue(new DebitForTransfer(state.fromAccount(), state.transferId(), state.amount()))
        .andSchedule(EXPIRE, EXPIRE_AFTER);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferDebited event) {
    return new MoneyTransferState(state.transferId(), state.fromAccount(), state.toAccount(), state.amount(), true,
        state.approved(), state.credited());
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferDebited event, Instant now) {
    return creditIfCleared(state);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferApproved event) {
    return new MoneyTransferState(state.transferId(), state.fromAccount(), state.toAccount(), state.amount(),
        state.debited(), true, state.credited());
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferApproved event, Instant now) {
    return creditIfCleared(state);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferCredited event) {
    return new MoneyTransferState(state.transferId(), state.fromAccount(), state.toAccount(), state.amount(),
        state.debited(), state.approved(), true);
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferCredited event, Instant now) {
    return Reaction.issue(new CompleteTransfer(state.transferId())).andCancel(EXPIRE);
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferCompleted event) {
    return state;
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferCompleted event, Instant now) {
    return Reaction.none();
  }

  @Override
  public MoneyTransferState evolve(MoneyTransferState state, TransferFailed event) {
    return state;
  }

  @Override
  public Reaction react(MoneyTransferState state, TransferFailed event, Instant now) {
    return Reaction.none();
  }

  /** Not credited in time: the money goes back if it was taken, and the transfer fails. */
  @Override
  public Reaction onExpire(MoneyTransferState state, Instant now) {
    if (state.credited()) {
      return Reaction.issue(new CompleteTransfer(state.transferId()));
    }
    return giveBack(state, FailureReason.EXPIRED);
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, DebitForTransfer command, OverdraftLimitExceeded rejection) {
    return Reaction.issue(new FailTransfer(state.transferId(), FailureReason.INSUFFICIENT_FUNDS));
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, DebitForTransfer command, AccountIsClosed rejection) {
    return Reaction.issue(new FailTransfer(state.transferId(), FailureReason.SOURCE_CLOSED));
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, DebitForTransfer command, AccountNotFound rejection) {
    return Reaction.issue(new FailTransfer(state.transferId(), FailureReason.SOURCE_CLOSED));
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, CreditFromTransfer command, AccountIsClosed rejection) {
    return giveBack(state, FailureReason.TARGET_CLOSED);
  }

  @Override
  public Reaction onRejected(MoneyTransferState state, CreditFromTransfer command, AccountNotFound rejection) {
    return giveBack(state, FailureReason.TARGET_CLOSED);
  }

  /** Debited, and small enough or approved: the money may go to the target. */
  private static Reaction creditIfCleared(MoneyTransferState state) {
    boolean cleared = state.approved() || state.amount().value().compareTo(APPROVAL_ABOVE) <= 0;
    if (state.debited() && !state.credited() && cleared) {
      return Reaction.issue(new CreditFromTransfer(state.toAccount(), state.transferId(), state.amount()));
    }
    return Reaction.none();
  }

  private static Reaction giveBack(MoneyTransferState state, FailureReason reason) {
    FailTransfer fail = new FailTransfer(state.transferId(), reason);
    if (!state.debited()) {
      return Reaction.issue(fail);
    }
    return Reaction.issue(new RefundTransfer(state.fromAccount(), state.transferId(), state.amount()), fail);
  }
}
