package com.example.cards;

public final class CardsByTagProjection implements CardsByTagProjector {

  @Override
  public CardsByTag initial(String tag) {
    return new CardsByTag(tag, 0);
  }

  @Override
  public CardsByTag project(CardsByTag view, CardIssued event) {
    return new CardsByTag(view.tag(), view.cards() + 1);
  }

  @Override
  public CardsByTag project(CardsByTag view, CardTagged event) {
    return new CardsByTag(view.tag(), view.cards() + 1);
  }
}
