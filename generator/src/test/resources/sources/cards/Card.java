package com.example.cards;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;

public final class Card implements CardDecider<Boolean> {

  @Override
  public Boolean initialState() {
    return false;
  }

  @Override
  public Decision<IssueCard.Emits, NoRejection> decide(IssueCard command, Boolean issued) {
    return Decision.accept(new CardIssued(command.cardId(), command.holder(), command.tags()));
  }

  @Override
  public Boolean evolve(Boolean issued, CardIssued event) {
    return true;
  }

  @Override
  public Boolean evolve(Boolean issued, CardTagged event) {
    return issued;
  }

  @Override
  public Boolean evolve(Boolean issued, CardBlocked event) {
    return issued;
  }
}
