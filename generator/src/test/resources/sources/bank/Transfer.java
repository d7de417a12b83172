package com.example.bank;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;

/** A transfer's own stream: requested, perhaps cancelled. */
public final class Transfer implements TransferDecider<Boolean> {

  @Override
  public Boolean initialState() {
    return false;
  }

  @Override
  public Decision<RequestTransfer.Emits, NoRejection> decide(RequestTransfer command, Boolean cancelled) {
    return Decision.accept(new TransferRequested(command.transferId(), command.source(), command.target(),
        command.amount()));
  }

  @Override
  public Decision<CancelTransfer.Emits, NoRejection> decide(CancelTransfer command, Boolean cancelled) {
    return Decision.accept(new TransferCancelled(command.transferId()));
  }

  @Override
  public Boolean evolve(Boolean cancelled, TransferRequested event) {
    return cancelled;
  }

  @Override
  public Boolean evolve(Boolean cancelled, TransferCancelled event) {
    return true;
  }
}
