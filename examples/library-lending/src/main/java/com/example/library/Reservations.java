package com.example.library;

import dev.eventsmith.runtime.Decision;

/** Puts a member at the end of a book's queue, unless they hold the book or are in the queue already. */
public final class Reservations extends LendingDecision implements ReserveBookDecision<Lending> {

  @Override
  public Lending initialState(ReserveBook command) {
    return Lending.of(command.book(), command.member());
  }

  @Override
  public Decision<ReserveBook.Emits, ReserveBook.Rejects> decide(ReserveBook command, Lending state) {
    if (!state.registered()) {
      return Decision.reject(new NoSuchMember());
    }
    if (!state.catalogued()) {
      return Decision.reject(new NoSuchBook());
    }
    if (state.holdsTheBook()) {
      return Decision.reject(new AlreadyHeld());
    }
    if (state.inQueue()) {
      return Decision.reject(new AlreadyReserved());
    }
    return Decision.accept(new BookReserved(command.book(), command.member()));
  }
}
