package com.example.cards;

import java.util.ArrayList;
import java.util.List;

public final class CardDirectoryProjection implements CardDirectoryProjector {

  @Override
  public CardDirectory initial(java.util.UUID cardId) {
    return new CardDirectory(cardId, "", List.of());
  }

  @Override
  public CardDirectory project(CardDirectory view, CardIssued event) {
    return new CardDirectory(view.cardId(), event.holder(), event.tags());
  }

  @Override
  public CardDirectory project(CardDirectory view, CardTagged event) {
    List<String> tags = new ArrayList<>(view.tags());
    tags.addAll(event.tags());
    return new CardDirectory(view.cardId(), view.holder(), tags);
  }
}
