package com.example.library;

import dev.eventsmith.runtime.Decision;

/**
 * Lends a book, deciding on the member's loans and the book's events together: the member exists
 * and holds fewer than three books, the book exists, nobody holds it, and nobody is ahead of the
 * member in its queue.
 */
public final class Borrowing extends LendingDecision implements BorrowBookDecision<Lending> {

  @Override
  public Lending initialState(BorrowBook command) {
    return Lending.of(command.book(), command.member());
  }

  @Override
  public Decision<BorrowBook.Emits, BorrowBook.Rejects> decide(BorrowBook command, Lending state) {
    if (!state.registered()) {
      return Decision.reject(new NoSuchMember());
    }
    if (!state.catalogued()) {
      return Decision.reject(new NoSuchBook());
    }
    if (state.holder().isPresent()) {
      return Decision.reject(new BookOnLoan());
    }
    if (state.reservedForAnother()) {
      return Decision.reject(new ReservedForAnother());
    }
    if (state.loans().size() >= Lending.MAX_LOANS) {
      return Decision.reject(new TooManyLoans(Lending.MAX_LOANS));
    }
    return Decision.accept(new BookBorrowed(command.book(), command.member()));
  }
}
