package com.example.library;

import java.util.Optional;

/**
 * A row per book ever lent: its member while it is on loan, so that a lookup by member finds that
 * member's loans, and how often it was lent.
 */
public final class MemberLoansProjection implements MemberLoansProjector {

  @Override
  public MemberLoans initial(BookId book) {
    return new MemberLoans(book, Optional.empty(), 0);
  }

  @Override
  public MemberLoans project(MemberLoans view, BookBorrowed event) {
    return new MemberLoans(view.book(), Optional.of(event.member()), view.times() + 1);
  }

  @Override
  public MemberLoans project(MemberLoans view, BookReturned event) {
    return new MemberLoans(view.book(), Optional.empty(), view.times());
  }
}
