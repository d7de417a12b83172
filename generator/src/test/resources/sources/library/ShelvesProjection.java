package com.example.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ShelvesProjection implements ShelvesProjector {

  @Override
  public Shelves initial(Shelf shelf) {
    return new Shelves(shelf, 0, List.of(), Optional.empty());
  }

  @Override
  public Shelves project(Shelves view, BookRegistered event) {
    List<String> titles = new ArrayList<>(view.titles());
    titles.add(event.title());
    return new Shelves(view.shelf(), view.books() + 1, titles, view.lastReturnFee());
  }
}
