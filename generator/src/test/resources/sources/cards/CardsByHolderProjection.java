package com.example.cards;

public final class CardsByHolderProjection implements CardsByHolderProjector {

  @Override
  public CardsByHolder initial(String name) {
    return new CardsByHolder(name, 0);
  }

  @Override
  public CardsByHolder project(CardsByHolder view, CardIssued event) {
    return new CardsByHolder(view.name(), view.active() + 1);
  }

  @Override
  public CardsByHolder project(CardsByHolder view, CardBlocked event) {
    return new CardsByHolder(view.name(), view.active() - 1);
  }
}
