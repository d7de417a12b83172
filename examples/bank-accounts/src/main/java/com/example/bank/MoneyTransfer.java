package com.example.bank;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A transfer as a process, one instance per transfer: it debits the source account, credits the
 * target account and completes the transfer. Above {@link #APPROVAL_ABOVE} the credit waits for
 * the transfer's approval. Compensation: a debit that is refused fails the transfer; a credit that
 * is refused (the target account is closed, or was never opened) gives the money back to the
 * source and fails the transfer; so does the deadline {@code expire}, when the transfer is not
 * credited within {@link #EXPIRES_AFTER} of its request.
 */
public final class MoneyTransfer implements Workflow<MoneyTransfer.State> {

  static final BigDecimal APPROVAL_ABOVE = new BigDecimal("1000.00");
  static final Duration EXPIRES_AFTER = Duration.ofHours(1);
  static final String EXPIRE = "expire";

  /** One transfer as far as the process has seen it. */
  public record State(UUID transferId, UUID fromAccount, UUID toAccount, Money amount, boolean debited,
      boolean approved, boolean credited, boolean over) {

    boolean mayCredit() {
      return debited && !credited && (approved || amount.value().compareTo(APPROVAL_ABOVE) <= 0);
    }

    State with(boolean debited, boolean approved, boolean credited, boolean over) {
      return new State(transferId, fromAccount, toAccount, amount, debited, approved, credited, over);
    }
  }

  @Override
  public Optional<String> keyOf(Event event) {
    UUID key = null;
    if (event instanceof TransferRequested e) {
      key = e.transferId();
    } else if (event instanceof TransferDebited e) {
      key = e.transferId();
    } else if (event instanceof TransferApproved e) {
      key = e.transferId();
    } else if (event instanceof TransferCredited e) {
      key = e.transferId();
    } else if (event instanceof TransferCompleted e) {
      key = e.transferId();
    } else if (event instanceof TransferFailed e) {
      key = e.transferId();
    }
    return Optional.ofNullable(key).map(UUID::toString);
  }

  @Override
  public boolean starts(Event event) {
    return event instanceof TransferRequested;
  }

  @Override
  public State initialState(String key) {
    UUID id = UUID.fromString(key);
    return new State(id, id, id, new Money(BigDecimal.ZERO), false, false, false, false);
  }

  @Override
  public State evolve(State state, Event event) {
    if (event instanceof TransferRequested e) {
      return new State(e.transferId(), e.fromAccount(), e.toAccount(), e.amount(), false, false, false, false);
    }
    if (event instanceof TransferDebited) {
      return state.with(true, state.approved(), state.credited(), false);
    }
    if (event instanceof TransferApproved) {
      return state.with(state.debited(), true, state.credited(), false);
    }
    if (event instanceof TransferCredited) {
      return state.with(state.debited(), state.approved(), true, false);
    }
    // TransferCompleted, TransferFailed
    return state.with(state.debited(), state.approved(), state.credited(), true);
  }

  @Override
  public boolean ended(State state) {
    return state.over();
  }

  @Override
  public Reaction react(State state, Event event, Instant now) {
    if (event instanceof TransferRequested) {
      return Reaction.issue(new DebitForTransfer(state.fromAccount(), state.transferId(), state.amount()))
          .andSchedule(EXPIRE, EXPIRES_AFTER);
    }
    if ((event instanceof TransferDebited || event instanceof TransferApproved) && state.mayCredit()) {
      return Reaction.issue(new CreditFromTransfer(state.toAccount(), state.transferId(), state.amount()));
    }
    if (event instanceof TransferCredited) {
      return Reaction.issue(new CompleteTransfer(state.transferId())).andCancel(EXPIRE);
    }
    return Reaction.none();
  }

  /** Not credited in time: the money goes back if it was taken, and the transfer fails. */
  @Override
  public Reaction onDeadline(State state, String deadline, Instant now) {
    if (state.credited()) {
      return Reaction.issue(new CompleteTransfer(state.transferId()));
    }
    return giveBack(state, FailureReason.EXPIRED);
  }

  @Override
  public Reaction onRejected(State state, Command command, Rejection rejection) {
    if (command instanceof DebitForTransfer) {
      FailureReason reason = rejection instanceof OverdraftLimitExceeded
          ? FailureReason.INSUFFICIENT_FUNDS : FailureReason.SOURCE_CLOSED;
      return Reaction.issue(new FailTransfer(state.transferId(), reason));
    }
    if (command instanceof CreditFromTransfer) {
      return giveBack(state, FailureReason.TARGET_CLOSED);
    }
    return Reaction.none();
  }

  private static Reaction giveBack(State state, FailureReason reason) {
    FailTransfer fail = new FailTransfer(state.transferId(), reason);
    if (!state.debited()) {
      return Reaction.issue(fail);
    }
    return Reaction.issue(new RefundTransfer(state.fromAccount(), state.transferId(), state.amount()), fail);
  }
}
