package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process on the tallies for the process contract: a count on "hold-k" starts escrow k, which
 * pays the amount to "pay-k" and gives itself an hour; a rejected payment is refunded to
 * "refund-k" (unless the amount is 13: then it waits); when the hour is over, it counts 1 on
 * "late-k". It ends when "pay-k", "refund-k" or "late-k" is counted.
 */
final class Escrow implements Workflow<Escrow.State> {

  /** The amount at which a rejected payment is not refunded, so that the deadline fires. */
  static final long WAITS = 13;

  /** @param events how many events the instance folded */
  record State(String key, long held, boolean done, int events) {}

  private int failures;

  Escrow() {
    this(0);
  }

  /** An escrow whose first {@code failures} reactions throw. */
  Escrow(int failures) {
    this.failures = failures;
  }

  @Override
  public Optional<String> keyOf(Event event) {
    String counter = ((Counted) event).counter();
    int dash = counter.indexOf('-');
    String kind = dash < 0 ? "" : counter.substring(0, dash);
    return switch (kind) {
      case "hold", "pay", "refund", "late" -> Optional.of(counter.substring(dash + 1));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean starts(Event event) {
    return ((Counted) event).counter().startsWith("hold-");
  }

  @Override
  public State initialState(String key) {
    return new State(key, 0, false, 0);
  }

  @Override
  public State evolve(State state, Event event) {
    Counted counted = (Counted) event;
    return counted.counter().startsWith("hold-") ? new State(state.key(), counted.amount(), false, state.events() + 1)
        : new State(state.key(), state.held(), true, state.events() + 1);
  }

  @Override
  public boolean ended(State state) {
    return state.done();
  }

  @Override
  public Reaction react(State state, Event event, Instant now) {
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("react fails");
    }
    if (((Counted) event).counter().startsWith("hold-")) {
      return Reaction.issue(new Count("pay-" + state.key(), state.held())).andSchedule("expire", Duration.ofHours(1));
    }
    return Reaction.none();
  }

  @Override
  public Reaction onDeadline(State state, String deadline, Instant now) {
    return Reaction.issue(new Count("late-" + state.key(), 1));
  }

  @Override
  public Reaction onRejected(State state, Command command, Rejection rejection) {
    return state.held() == WAITS ? Reaction.none() : Reaction.issue(new Count("refund-" + state.key(), state.held()));
  }
}
