package com.example.library;

import dev.eventsmith.runtime.Decision;

/** Adds a book to the catalogue once; decided across streams so that its event carries the book's tag. */
public final class Catalogue implements AddBookDecision<Boolean> {

  @Override
  public Boolean initialState(AddBook command) {
    return false;
  }

  @Override
  public Boolean evolve(Boolean added, BookAdded event) {
    return true;
  }

  @Override
  public Decision<AddBook.Emits, AddBook.Rejects> decide(AddBook command, Boolean added) {
    if (added) {
      return Decision.reject(new BookExists());
    }
    return Decision.accept(new BookAdded(command.book(), command.title(), command.author()));
  }
}
