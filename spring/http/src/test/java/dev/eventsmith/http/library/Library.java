package dev.eventsmith.http.library;

import dev.eventsmith.runtime.Decision;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The library's rules and views, as beans: a book is added once and lent to one member at a time. */
final class Library {

  private Library() {}

  /** Whether the book exists, and who has it. */
  record State(boolean added, Optional<String> lentTo) {}

  @Component
  static final class Books implements BookDecider<State> {

    @Override
    public State initialState() {
      return new State(false, Optional.empty());
    }

    @Override
    public Decision<AddBook.Emits, AddBook.Rejects> decide(AddBook command, State state) {
      return state.added() ? Decision.reject(new BookExists())
          : Decision.accept(new BookAdded(command.isbn(), command.title(), command.tags()));
    }

    @Override
    public Decision<LendBook.Emits, LendBook.Rejects> decide(LendBook command, State state) {
      if (!state.added()) {
        return Decision.reject(new NoSuchBook());
      }
      if (state.lentTo().isPresent()) {
        return Decision.reject(new AlreadyLent(state.lentTo().get()));
      }
      return Decision.accept(new BookLent(command.isbn(), command.member()));
    }

    @Override
    public State evolve(State state, BookAdded event) {
      return new State(true, Optional.empty());
    }

    @Override
    public State evolve(State state, BookLent event) {
      return new State(true, Optional.of(event.member()));
    }
  }

  @Component
  static final class CatalogueRows implements CatalogueProjector {

    @Override
    public Catalogue initial(String isbn) {
      return new Catalogue(isbn, new Name(""), List.of());
    }

    @Override
    public Catalogue project(Catalogue view, BookAdded event) {
      return new Catalogue(event.isbn(), event.title(), event.tags());
    }
  }

  @Component
  static final class LoansRows implements LoansProjector {

    @Override
    public Loans initial(String isbn) {
      return new Loans(isbn, Optional.empty());
    }

    @Override
    public Loans project(Loans view, BookAdded event) {
      return view;
    }

    @Override
    public Loans project(Loans view, BookLent event) {
      return new Loans(view.isbn(), Optional.of(event.member()));
    }
  }

  @Component
  static final class ShelfRow implements ShelfProjector {

    @Override
    public Shelf initial(String key) {
      return new Shelf(0);
    }

    @Override
    public Shelf project(Shelf view, BookAdded event) {
      return new Shelf(view.books() + 1);
    }
  }
}
