package com.example.library;

import dev.eventsmith.runtime.Decision;

/** Takes a book back from the member who holds it. */
public final class Returning extends LendingDecision implements ReturnBookDecision<Lending> {

  @Override
  public Lending initialState(ReturnBook command) {
    return Lending.of(command.book(), command.member());
  }

  @Override
  public Decision<ReturnBook.Emits, ReturnBook.Rejects> decide(ReturnBook command, Lending state) {
    if (!state.holdsTheBook()) {
      return Decision.reject(new NotOnLoanToMember());
    }
    return Decision.accept(new BookReturned(command.book(), command.member()));
  }
}
