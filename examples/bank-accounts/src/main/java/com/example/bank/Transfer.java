package com.example.bank;

import dev.eventsmith.runtime.Decision;

/** A transfer's own record: requested once, then completed or failed once. */
public final class Transfer implements TransferDecider<Transfer.Phase> {

  /** Where a transfer stands; NEW before it was requested. */
  public enum Phase { NEW, PENDING, COMPLETED, FAILED }

  @Override
  public Phase initialState() {
    return Phase.NEW;
  }

  @Override
  public Decision<RequestTransfer.Emits, RequestTransfer.Rejects> decide(RequestTransfer command, Phase state) {
    if (state != Phase.NEW) {
      return Decision.reject(new TransferAlreadyRequested());
    }
    if (command.fromAccount().equals(command.toAccount())) {
      return Decision.reject(new SameAccount());
    }
    return Decision.accept(new TransferRequested(command.transferId(), command.fromAccount(), command.toAccount(),
        command.amount()));
  }

  /** Approval only lets a pending transfer go on; approving twice does no harm, so it is allowed. */
  @Override
  public Decision<ApproveTransfer.Emits, ApproveTransfer.Rejects> decide(ApproveTransfer command, Phase state) {
    if (state != Phase.PENDING) {
      return Decision.reject(new TransferNotPending());
    }
    return Decision.accept(new TransferApproved(command.transferId()));
  }

  @Override
  public Decision<CompleteTransfer.Emits, CompleteTransfer.Rejects> decide(CompleteTransfer command,
      Phase state) {
    if (state != Phase.PENDING) {
      return Decision.reject(new TransferNotPending());
    }
    return Decision.accept(new TransferCompleted(command.transferId()));
  }

  @Override
  public Decision<FailTransfer.Emits, FailTransfer.Rejects> decide(FailTransfer command, Phase state) {
    if (state != Phase.PENDING) {
      return Decision.reject(new TransferNotPending());
    }
    return Decision.accept(new TransferFailed(command.transferId(), command.reason()));
  }

  @Override
  public Phase evolve(Phase state, TransferRequested event) {
    return Phase.PENDING;
  }

  @Override
  public Phase evolve(Phase state, TransferApproved event) {
    return state;
  }

  @Override
  public Phase evolve(Phase state, TransferCompleted event) {
    return Phase.COMPLETED;
  }

  @Override
  public Phase evolve(Phase state, TransferFailed event) {
    return Phase.FAILED;
  }
}
