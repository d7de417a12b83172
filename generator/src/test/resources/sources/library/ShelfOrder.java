package com.example.library;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;

public final class ShelfOrder implements ShelfOrderDecider<Integer> {

  @Override
  public Integer initialState() {
    return 0;
  }

  @Override
  public Decision<OrderShelf.Emits, NoRejection> decide(OrderShelf command, Integer ordered) {
    return Decision.accept(new ShelfOrdered(command.shelf()));
  }

  @Override
  public Integer evolve(Integer ordered, ShelfOrdered event) {
    return ordered + 1;
  }
}
