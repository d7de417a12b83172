package com.example.giftcard;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Each card's summary: its holder, what was issued, what is left, how many redemptions. */
@Component
public final class CardSummaryProjection implements CardSummaryProjector {

  @Override
  public CardSummary initial(UUID cardId) {
    return new CardSummary(cardId, Optional.empty(), 0, 0, 0);
  }

  @Override
  public CardSummary project(CardSummary view, CardIssued event) {
    return new CardSummary(event.cardId(), event.holder(), event.amount(), event.amount(), 0);
  }

  @Override
  public CardSummary project(CardSummary view, CardRedeemed event) {
    return new CardSummary(view.cardId(), view.holder(), view.issued(), view.balance() - event.amount(), view.redemptions() + 1);
  }
}
