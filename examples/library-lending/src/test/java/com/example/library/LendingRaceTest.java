package com.example.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads borrow at once on one SQLite file, each through the generated decision contract run
 * by a {@code DecisionHandler}: the decision reads the member's and the book's events and appends
 * under the condition that none matching came in since, so the cap and the one-holder rule hold
 * whatever the interleaving.
 */
class LendingRaceTest {

  private static final int THREADS = 16;

  @TempDir
  Path temp;

  @Test
  void oneMemberRacingForSixteenBooksGetsThree() throws Exception {
    try (SqliteEventStore store = SqliteEventStore.open(temp.resolve("race.db"))) {
      LendingDesk desk = new LendingDesk(store);
      desk.handle(new RegisterMember(LibraryApp.ANN, "Ann"));
      List<Command> borrows = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        BookId book = new BookId("book-" + i);
        desk.handle(new AddBook(book, "Book " + i, "Anonymous"));
        borrows.add(new BorrowBook(book, LibraryApp.ANN));
      }
      assertEquals(3, accepted(desk, borrows), "accepted loans");
      assertEquals(Map.of(LibraryApp.ANN, 3), holdersOfLoans(store), "loans stored, by member");
      InMemoryViewStore<BookId, MemberLoans> loans = new InMemoryViewStore<>();
      new ProjectionRunner<>(store, LibraryCodec.INSTANCE, new MemberLoansProjection(), loans).catchUp();
      assertEquals(3, MemberLoansRowCodec.byMember(loans, LibraryApp.ANN).size(), "Ann's loans in the view");
    }
  }

  @Test
  void sixteenMembersRacingForOneBookLeaveItOneHolder() throws Exception {
    try (SqliteEventStore store = SqliteEventStore.open(temp.resolve("race.db"))) {
      LendingDesk desk = new LendingDesk(store);
      desk.handle(new AddBook(LibraryApp.DUNE, "Dune", "Frank Herbert"));
      List<Command> borrows = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        MemberId member = new MemberId("member-" + i);
        desk.handle(new RegisterMember(member, "Member " + i));
        borrows.add(new BorrowBook(LibraryApp.DUNE, member));
      }
      assertEquals(1, accepted(desk, borrows), "accepted loans");
      assertEquals(1, holdersOfLoans(store).values().stream().mapToInt(Integer::intValue).sum(), "loans stored");
    }
  }

  @Test
  void membersRacingForBooksTheyAlsoReturnNeverExceedEitherRule() throws Exception {
    // Four members, six books, every member tries every book at once, twice over with returns
    // in between: at every moment each book has one holder and each member at most three.
    try (SqliteEventStore store = SqliteEventStore.open(temp.resolve("race.db"))) {
      LendingDesk desk = new LendingDesk(store);
      List<MemberId> members = List.of(LibraryApp.ANN, LibraryApp.BOB, LibraryApp.CARL, new MemberId("dora"));
      List<BookId> books = new ArrayList<>();
      members.forEach(m -> desk.handle(new RegisterMember(m, m.value())));
      for (int i = 0; i < 6; i++) {
        books.add(new BookId("book-" + i));
        desk.handle(new AddBook(books.get(i), "Book " + i, "Anonymous"));
      }
      for (int round = 0; round < 2; round++) {
        List<Command> commands = new ArrayList<>();
        for (MemberId member : members) {
          for (BookId book : books) {
            commands.add(new BorrowBook(book, member));
            commands.add(new ReturnBook(book, member));
          }
        }
        accepted(desk, commands);
        checkEveryPrefixOfTheLog(store);
      }
    }
  }

  @Test
  void aBorrowSentAgainWithItsCommandIdIsLentOnceAndAnsweredAlike() throws Exception {
    try (SqliteEventStore store = SqliteEventStore.open(temp.resolve("race.db"))) {
      LendingDesk desk = new LendingDesk(store);
      desk.handle(new RegisterMember(LibraryApp.ANN, "Ann"));
      desk.handle(new AddBook(LibraryApp.DUNE, "Dune", "Frank Herbert"));
      Map<String, String> once = Map.of(CommandHandler.COMMAND_ID, "borrow-dune-1");
      List<Callable<CommandResult>> repeats = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        repeats.add(() -> desk.handle(new BorrowBook(LibraryApp.DUNE, LibraryApp.ANN), once));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (Future<CommandResult> result : pool.invokeAll(repeats)) {
          CommandResult.Accepted accepted = assertInstanceOf(CommandResult.Accepted.class, result.get());
          assertEquals(List.of(new BookBorrowed(LibraryApp.DUNE, LibraryApp.ANN)), accepted.events());
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(Map.of(LibraryApp.ANN, 1), holdersOfLoans(store), "loans stored");
      // Later, a new borrow of the same book is refused: the repeat did not lend it twice.
      assertInstanceOf(CommandResult.Rejected.class, desk.handle(new BorrowBook(LibraryApp.DUNE, LibraryApp.ANN)));
    }
  }

  /** Replays the stored loans and returns in order: no book ever has two holders, no member four books. */
  private static void checkEveryPrefixOfTheLog(SqliteEventStore store) {
    Map<BookId, MemberId> holder = new HashMap<>();
    Map<MemberId, Integer> held = new HashMap<>();
    for (RecordedEvent recorded : store.readAll(0, Integer.MAX_VALUE)) {
      Object event = LibraryCodec.INSTANCE.decode(recorded);
      if (event instanceof BookBorrowed borrowed) {
        assertNull(holder.put(borrowed.book(), borrowed.member()), "lent while on loan: " + borrowed);
        int now = held.merge(borrowed.member(), 1, Integer::sum);
        assertTrue(now <= 3, borrowed.member() + " holds " + now);
      } else if (event instanceof BookReturned returned) {
        assertEquals(returned.member(), holder.remove(returned.book()), "returned by another: " + returned);
        held.merge(returned.member(), -1, Integer::sum);
      }
    }
  }

  private static Map<MemberId, Integer> holdersOfLoans(SqliteEventStore store) {
    Map<MemberId, Integer> loans = new HashMap<>();
    for (RecordedEvent recorded : store.readAll(0, Integer.MAX_VALUE)) {
      if (LibraryCodec.INSTANCE.decode(recorded) instanceof BookBorrowed borrowed) {
        loans.merge(borrowed.member(), 1, Integer::sum);
      }
    }
    return loans;
  }

  /** Runs every command at once, one thread each, started together; the number accepted. */
  private static int accepted(LendingDesk desk, List<Command> commands) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(commands.size(), THREADS));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CommandResult>> results = new ArrayList<>();
      for (Command command : commands) {
        Callable<CommandResult> racer = () -> {
          start.await();
          return desk.handle(command);
        };
        results.add(pool.submit(racer));
      }
      start.countDown();
      int accepted = 0;
      for (Future<CommandResult> result : results) {
        if (result.get() instanceof CommandResult.Accepted) {
          accepted++;
        }
      }
      return accepted;
    } finally {
      pool.shutdownNow();
    }
  }
}
