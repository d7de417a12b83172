package com.example.library;

/** The library's one row: the books on loan now, and every loan ever made. */
public final class LoanCountProjection implements LoanCountProjector {

  @Override
  public LoanCount initial(String key) {
    return new LoanCount(0, 0);
  }

  @Override
  public LoanCount project(LoanCount view, BookBorrowed event) {
    return new LoanCount(view.onLoan() + 1, view.lent() + 1);
  }

  @Override
  public LoanCount project(LoanCount view, BookReturned event) {
    return new LoanCount(view.onLoan() - 1, view.lent());
  }
}
