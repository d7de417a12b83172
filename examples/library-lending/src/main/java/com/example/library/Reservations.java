package com.example.library;

import dev.eventsmith.runtime.Decision;

/** Puts a member at the end of a book's queue, unless they hold the book or are in the queue already. */
public final class Reservations implements ReserveBookDecision<Lending> {

  @Override
  public Lending initialState(ReserveBook command) {
    return Lending.of(command.book(), command.member());
  }

  @Override
  public Lending evolve(Lending state, MemberRegistered event) {
    return state.registered(event);
  }

  @Override
  public Lending evolve(Lending state, BookAdded event) {
    return state.added(event);
  }

  @Override
  public Lending evolve(Lending state, BookBorrowed event) {
    return state.borrowed(event);
  }

  @Override
  public Lending evolve(Lending state, BookReturned event) {
    return state.returned(event);
  }

  @Override
  public Lending evolve(Lending state, BookReserved event) {
    return state.reserved(event);
  }

  @Override
  public Lending evolve(Lending state, ReservationCancelled event) {
    return state.cancelled(event);
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
