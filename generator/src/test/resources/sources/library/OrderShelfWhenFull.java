package com.example.library;

import java.util.List;

public final class OrderShelfWhenFull implements OrderShelfWhenFullAutomation {

  @Override
  public List<OrderShelfWhenFullAutomation.Issues> react(Shelves row) {
    return row.books() == 2 ? List.of(new OrderShelf(row.shelf())) : List.of();
  }
}
