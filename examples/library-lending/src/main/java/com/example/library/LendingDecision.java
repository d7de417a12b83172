package com.example.library;

/**
 * The fold the lending decisions share: each generated contract asks for an {@code evolve} per event
 * its query reads, and these implement them all over {@link Lending}, so that each decision only
 * says where it starts and what it decides.
 */
abstract class LendingDecision {

  public Lending evolve(Lending state, MemberRegistered event) {
    return state.registered(event);
  }

  public Lending evolve(Lending state, BookAdded event) {
    return state.added(event);
  }

  public Lending evolve(Lending state, BookBorrowed event) {
    return state.borrowed(event);
  }

  public Lending evolve(Lending state, BookReturned event) {
    return state.returned(event);
  }

  public Lending evolve(Lending state, BookReserved event) {
    return state.reserved(event);
  }

  public Lending evolve(Lending state, ReservationCancelled event) {
    return state.cancelled(event);
  }
}
