package com.example.library;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a short lending scenario on one SQLite file (the path given as the first argument, or
 * {@code library-lending.db}; an existing file is replaced): members register, books are added,
 * a member reaches the limit of three loans, a book on loan is refused to another member, and a
 * book that comes back goes to the first member of its queue. Then it prints the stored events
 * (with their tags' fields) and the views, looked up by member, author and status.
 */
public final class LibraryApp {

  static final MemberId ANN = new MemberId("ann");
  static final MemberId BOB = new MemberId("bob");
  static final MemberId CARL = new MemberId("carl");
  static final BookId DUNE = new BookId("dune");
  static final BookId EMMA = new BookId("emma");
  static final BookId PERSUASION = new BookId("persuasion");
  static final BookId WALDEN = new BookId("walden");

  private LibraryApp() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "library-lending.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    System.out.println("Event store: SQLite file " + file.toAbsolutePath() + "\n");
    try (SqliteEventStore store = SqliteEventStore.open(file);
        SqliteViewStore<BookId, MemberLoans> loans =
            SqliteViewStore.open(file, "member_loans", MemberLoansRowCodec.INSTANCE);
        SqliteViewStore<BookId, BookAvailability> books =
            SqliteViewStore.open(file, "book_availability", BookAvailabilityRowCodec.INSTANCE);
        SqliteViewStore<String, LoanCount> counts =
            SqliteViewStore.open(file, "loan_count", LoanCountRowCodec.INSTANCE)) {
      run(store, loans, books, counts);
    }
  }

  /** The scenario on {@code store}, then its views in the three view stores. */
  static <S extends EventStore & TaggedEventStore> void run(S store, ViewStore<BookId, MemberLoans> loans,
      ViewStore<BookId, BookAvailability> books, ViewStore<String, LoanCount> counts) {
    LendingDesk desk = new LendingDesk(store);
    Command[] scenario = {
        new RegisterMember(ANN, "Ann"),
        new RegisterMember(BOB, "Bob"),
        new RegisterMember(CARL, "Carl"),
        new RegisterMember(CARL, "Carl again"),
        new AddBook(DUNE, "Dune", "Frank Herbert"),
        new AddBook(EMMA, "Emma", "Jane Austen"),
        new AddBook(PERSUASION, "Persuasion", "Jane Austen"),
        new AddBook(WALDEN, "Walden", "Henry David Thoreau"),
        // The cap: a fourth book is refused while Ann holds three.
        new BorrowBook(DUNE, ANN),
        new BorrowBook(EMMA, ANN),
        new BorrowBook(PERSUASION, ANN),
        new BorrowBook(WALDEN, ANN),
        // One member at a time: Dune is Ann's until she returns it.
        new BorrowBook(DUNE, BOB),
        new ReserveBook(DUNE, BOB),
        new ReserveBook(DUNE, CARL),
        new ReserveBook(DUNE, BOB),
        new ReserveBook(DUNE, ANN),
        // A reservation honoured: Dune comes back and waits for Bob, first in its queue.
        new ReturnBook(DUNE, ANN),
        new BorrowBook(DUNE, CARL),
        new BorrowBook(DUNE, BOB),
        new CancelReservation(DUNE, CARL),
        new BorrowBook(WALDEN, ANN),
        new RenameMember(ANN, "Ann Smith"),
        new ReturnBook(DUNE, ANN),
        new ReturnBook(EMMA, ANN),
    };
    System.out.println("Commands:");
    for (Command command : scenario) {
      System.out.println("  " + command + "\n    -> " + describe(desk.handle(command)));
    }

    System.out.println("\nEvents in the store (global position, stream@version, type, JSON):");
    for (RecordedEvent event : store.readAll(0, Integer.MAX_VALUE)) {
      System.out.printf("  %3d  %s@%d  %s  %s%n", event.globalPosition(), event.stream(), event.streamVersion(),
          event.type(), new String(event.data(), StandardCharsets.UTF_8));
    }

    new ProjectionRunner<>(store, LibraryCodec.INSTANCE, new MemberLoansProjection(), loans).catchUp();
    new ProjectionRunner<>(store, LibraryCodec.INSTANCE, new BookAvailabilityProjection(), books).catchUp();
    new ProjectionRunner<>(store, LibraryCodec.INSTANCE, new LoanCountProjection(), counts).catchUp();
    System.out.println("\nView MemberLoans:");
    loans.all().values().forEach(row -> System.out.println("  " + row));
    System.out.println("  Ann's loans (lookup by member): " + MemberLoansRowCodec.byMember(loans, ANN).keySet());
    System.out.println("  Bob's loans (lookup by member): " + MemberLoansRowCodec.byMember(loans, BOB).keySet());
    System.out.println("\nView BookAvailability:");
    books.all().values().forEach(row -> System.out.println("  " + row));
    System.out.println("  by Jane Austen (lookup by author): "
        + BookAvailabilityRowCodec.byAuthor(books, "Jane Austen").keySet());
    System.out.println("  on loan (lookup by status): "
        + BookAvailabilityRowCodec.byStatus(books, BookStatus.ON_LOAN).keySet());
    System.out.println("\nView LoanCount: " + counts.all().values());
  }

  private static String describe(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return "rejected: " + rejected.rejection();
    }
    return "accepted: " + ((CommandResult.Accepted) result).events();
  }
}
