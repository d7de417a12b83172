package com.example.giftcard;

import java.util.UUID;

/** What is left on each card. */
public final class CardBalanceProjection implements CardBalanceProjector {

  @Override
  public CardBalance initial(UUID cardId) {
    return new CardBalance(cardId, 0);
  }

  @Override
  public CardBalance project(CardBalance view, CardIssued event) {
    return new CardBalance(event.cardId(), event.amount());
  }

  @Override
  public CardBalance project(CardBalance view, CardRedeemed event) {
    return new CardBalance(view.cardId(), view.balance() - event.amount());
  }
}
