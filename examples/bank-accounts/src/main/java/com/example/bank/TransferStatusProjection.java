package com.example.bank;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** Keeps one row per transfer: who pays whom, how much, and how it ended. */
public final class TransferStatusProjection implements TransferStatusProjector {

  /** Every row starts with TransferRequested, which sets all of it: the placeholders never show. */
  @Override
  public TransferStatus initial(UUID transferId) {
    return new TransferStatus(transferId, transferId, transferId, new Money(BigDecimal.ZERO), TransferState.PENDING,
        Optional.empty());
  }

  @Override
  public TransferStatus project(TransferStatus view, TransferRequested event) {
    return new TransferStatus(event.transferId(), event.fromAccount(), event.toAccount(), event.amount(),
        TransferState.PENDING, Optional.empty());
  }

  @Override
  public TransferStatus project(TransferStatus view, TransferCompleted event) {
    return new TransferStatus(view.transferId(), view.fromAccount(), view.toAccount(), view.amount(),
        TransferState.COMPLETED, Optional.empty());
  }

  @Override
  public TransferStatus project(TransferStatus view, TransferFailed event) {
    return new TransferStatus(view.transferId(), view.fromAccount(), view.toAccount(), view.amount(),
        TransferState.FAILED, Optional.of(event.reason()));
  }
}
