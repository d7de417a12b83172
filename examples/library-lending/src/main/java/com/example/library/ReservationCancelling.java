package com.example.library;

import dev.eventsmith.runtime.Decision;

/** Takes a member out of a book's queue; a reservation a loan honoured is gone already. */
public final class ReservationCancelling extends LendingDecision implements CancelReservationDecision<Lending> {

  @Override
  public Lending initialState(CancelReservation command) {
    return Lending.of(command.book(), command.member());
  }

  @Override
  public Decision<CancelReservation.Emits, CancelReservation.Rejects> decide(CancelReservation command,
      Lending state) {
    if (!state.inQueue()) {
      return Decision.reject(new NoReservation());
    }
    return Decision.accept(new ReservationCancelled(command.book(), command.member()));
  }
}
