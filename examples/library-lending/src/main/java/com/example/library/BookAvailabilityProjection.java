package com.example.library;

import java.util.ArrayList;
import java.util.List;

/** A row per book of the catalogue: on loan or available, and who waits for it, first first. */
public final class BookAvailabilityProjection implements BookAvailabilityProjector {

  @Override
  public BookAvailability initial(BookId book) {
    return new BookAvailability(book, "", "", BookStatus.AVAILABLE, List.of());
  }

  @Override
  public BookAvailability project(BookAvailability view, BookAdded event) {
    return new BookAvailability(view.book(), event.title(), event.author(), view.status(), view.queue());
  }

  @Override
  public BookAvailability project(BookAvailability view, BookBorrowed event) {
    return new BookAvailability(view.book(), view.title(), view.author(), BookStatus.ON_LOAN,
        without(view.queue(), event.member()));
  }

  @Override
  public BookAvailability project(BookAvailability view, BookReturned event) {
    return new BookAvailability(view.book(), view.title(), view.author(), BookStatus.AVAILABLE, view.queue());
  }

  @Override
  public BookAvailability project(BookAvailability view, BookReserved event) {
    List<MemberId> queue = new ArrayList<>(without(view.queue(), event.member()));
    queue.add(event.member());
    return new BookAvailability(view.book(), view.title(), view.author(), view.status(), queue);
  }

  @Override
  public BookAvailability project(BookAvailability view, ReservationCancelled event) {
    return new BookAvailability(view.book(), view.title(), view.author(), view.status(),
        without(view.queue(), event.member()));
  }

  private static List<MemberId> without(List<MemberId> queue, MemberId member) {
    return queue.stream().filter(m -> !m.equals(member)).toList();
  }
}
