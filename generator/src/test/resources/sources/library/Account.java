package com.example.library;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;
import java.math.BigDecimal;
import java.util.Optional;

public final class Account implements AccountDecider<BigDecimal> {

  @Override
  public BigDecimal initialState() {
    return BigDecimal.ZERO;
  }

  @Override
  public Decision<ChargeFee.Emits, NoRejection> decide(ChargeFee command, BigDecimal owed) {
    return Decision.accept(new FeeCharged(command.member(), command.fee(), Optional.empty(), Optional.empty()));
  }

  @Override
  public BigDecimal evolve(BigDecimal owed, FeeCharged event) {
    return owed.add(event.fee().value());
  }
}
