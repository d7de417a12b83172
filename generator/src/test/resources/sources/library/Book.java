package com.example.library;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

public final class Book implements BookDecider<Book.State> {

  public record State(BookStatus status, long copies, Optional<UUID> borrower) {}

  @Override
  public State initialState() {
    return new State(BookStatus.LOST, 0, Optional.empty());
  }

  @Override
  public Decision<RegisterBook.Emits, NoRejection> decide(RegisterBook command, State state) {
    return Decision.accept(new BookRegistered(command.isbn(), command.title(), command.shelf(), command.tags(),
        command.note(), command.registeredAt()));
  }

  @Override
  public Decision<LendBook.Emits, LendBook.Rejects> decide(LendBook command, State state) {
    if (state.status() != BookStatus.ON_SHELF) {
      return Decision.reject(new BookNotOnShelf(state.status()));
    }
    return Decision.accept(new BookLent(command.isbn(), command.member(), command.due(), 0, command.express()));
  }

  @Override
  public Decision<ReturnBook.Emits, ReturnBook.Rejects> decide(ReturnBook command, State state) {
    if (state.status() != BookStatus.LENT) {
      return Decision.reject(new BookNotLent());
    }
    Fee fee = new Fee(new BigDecimal("0.50").multiply(BigDecimal.valueOf(command.lateDays())));
    return Decision.accept(
        new BookReturned(command.isbn(), state.borrower().orElseThrow(), fee, state.copies(), BookStatus.ON_SHELF));
  }

  @Override
  public State evolve(State state, BookRegistered event) {
    return new State(BookStatus.ON_SHELF, state.copies() + 1, Optional.empty());
  }

  @Override
  public State evolve(State state, BookLent event) {
    return new State(BookStatus.LENT, state.copies(), Optional.of(event.member()));
  }

  @Override
  public State evolve(State state, BookReturned event) {
    return new State(event.status(), state.copies(), Optional.empty());
  }
}
