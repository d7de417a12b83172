package com.example.counter;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.NoRejection;

/** A counter's rules: it only counts up. */
public final class Counter implements CounterDecider<Integer> {

  @Override
  public Integer initialState() {
    return 0;
  }

  @Override
  public Decision<Increment.Emits, NoRejection> decide(Increment command, Integer count) {
    return Decision.accept(new Incremented(command.counterId(), command.by()));
  }

  @Override
  public Integer evolve(Integer count, Incremented event) {
    return count + event.by();
  }
}
