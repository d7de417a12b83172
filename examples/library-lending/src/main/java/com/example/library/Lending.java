package com.example.library;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a decision about one member and one book knows, folded from the events its query reads:
 * whether both exist, the books the member holds, the book's holder and its queue of reservations,
 * first come first. Each event is applied once, whichever of the query's items matched it.
 */
record Lending(BookId book, MemberId member, boolean registered, boolean catalogued, Set<BookId> loans,
    Optional<MemberId> holder, List<MemberId> queue) {

  /** At most this many books on loan to one member at a time. */
  static final int MAX_LOANS = 3;

  Lending {
    loans = Set.copyOf(loans);
    queue = List.copyOf(queue);
  }

  static Lending of(BookId book, MemberId member) {
    return new Lending(book, member, false, false, Set.of(), Optional.empty(), List.of());
  }

  Lending registered(MemberRegistered event) {
    return new Lending(book, member, registered || event.member().equals(member), catalogued, loans, holder, queue);
  }

  Lending added(BookAdded event) {
    return new Lending(book, member, registered, catalogued || event.book().equals(book), loans, holder, queue);
  }

  /** A loan: of the member's (one more book held), of the book's (its holder, out of its queue), or both. */
  Lending borrowed(BookBorrowed event) {
    Set<BookId> held = new HashSet<>(loans);
    if (event.member().equals(member)) {
      held.add(event.book());
    }
    if (!event.book().equals(book)) {
      return new Lending(book, member, registered, catalogued, held, holder, queue);
    }
    return new Lending(book, member, registered, catalogued, held, Optional.of(event.member()),
        without(event.member()));
  }

  Lending returned(BookReturned event) {
    Set<BookId> held = new HashSet<>(loans);
    if (event.member().equals(member)) {
      held.remove(event.book());
    }
    boolean thisBook = event.book().equals(book) && holder.equals(Optional.of(event.member()));
    return new Lending(book, member, registered, catalogued, held, thisBook ? Optional.empty() : holder, queue);
  }

  Lending reserved(BookReserved event) {
    if (!event.book().equals(book) || queue.contains(event.member())) {
      return this;
    }
    List<MemberId> longer = new ArrayList<>(queue);
    longer.add(event.member());
    return new Lending(book, member, registered, catalogued, loans, holder, longer);
  }

  Lending cancelled(ReservationCancelled event) {
    if (!event.book().equals(book)) {
      return this;
    }
    return new Lending(book, member, registered, catalogued, loans, holder, without(event.member()));
  }

  boolean holdsTheBook() {
    return holder.equals(Optional.of(member));
  }

  boolean inQueue() {
    return queue.contains(member);
  }

  /** Someone else is first in the queue: the book waits for them. */
  boolean reservedForAnother() {
    return !queue.isEmpty() && !queue.get(0).equals(member);
  }

  private List<MemberId> without(MemberId someone) {
    return queue.stream().filter(m -> !m.equals(someone)).toList();
  }
}
