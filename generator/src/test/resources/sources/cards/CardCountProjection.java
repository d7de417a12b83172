package com.example.cards;

public final class CardCountProjection implements CardCountProjector {

  @Override
  public CardCount initial(String key) {
    return new CardCount(0, 0);
  }

  @Override
  public CardCount project(CardCount view, CardIssued event) {
    return new CardCount(view.issued() + 1, view.blocked());
  }

  @Override
  public CardCount project(CardCount view, CardBlocked event) {
    return new CardCount(view.issued(), view.blocked() + 1);
  }
}
