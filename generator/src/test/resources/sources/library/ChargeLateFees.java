package com.example.library;

import java.math.BigDecimal;
import java.util.List;

public final class ChargeLateFees implements ChargeLateFeesAutomation {

  @Override
  public List<ChargeLateFeesAutomation.Issues> react(BookReturned event) {
    if (event.fee().value().compareTo(BigDecimal.ZERO) == 0) {
      return List.of();
    }
    return List.of(new ChargeFee(event.member(), event.fee()));
  }
}
