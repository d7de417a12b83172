package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.testkit.cart.CartCommand.AddItem;
import dev.eventsmith.testkit.cart.CartCommand.CartAlreadySubmitted;
import dev.eventsmith.testkit.cart.CartCommand.SubmitCart;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.CartSubmitted;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 120, "Nudge", "nudges an idle cart");
  private final UUID cart = symbols.uuid("cart");
  private static final Money PRICE = new Money(new BigDecimal("1.00"));

  /** A created cart is submitted after an hour unless an item came; a sample added after three hours. */
  private static final class Nudge implements Workflow<Integer> {
    @Override
    public Optional<String> keyOf(Event event) {
      if (event instanceof CartCreated e) {
        return Optional.of(e.cartId().toString());
      }
      if (event instanceof ItemAdded e) {
        return Optional.of(e.cartId().toString());
      }
      return event instanceof CartSubmitted e ? Optional.of(e.cartId().toString()) : Optional.empty();
    }

    @Override
    public boolean starts(Event event) {
      return event instanceof CartCreated;
    }

    @Override
    public Integer initialState(String key) {
      return 0;
    }

    @Override
    public Integer evolve(Integer state, Event event) {
      return event instanceof ItemAdded ? state + 1 : event instanceof CartSubmitted ? -1 : state;
    }

    @Override
    public boolean ended(Integer state) {
      return state < 0;
    }

    @Override
    public Reaction react(Integer state, Event event, Instant now) {
      if (event instanceof CartCreated) {
        return Reaction.none().andSchedule("remind", Duration.ofHours(1)).andSchedule("sample", Duration.ofHours(3));
      }
      return event instanceof ItemAdded ? Reaction.none().andCancel("remind") : Reaction.none();
    }

    @Override
    public Reaction onDeadline(Integer state, String deadline, Instant now) {
      throw new UnsupportedOperationException("needs the cart's id: see CartNudge");
    }

    @Override
    public Reaction onRejected(Integer state, Command command, Rejection rejection) {
      return Reaction.none().andSchedule("remind", Duration.ofMinutes(5));
    }
  }

  /** Nudge, with the cart's id in its state's place for the deadlines' commands. */
  private final class CartNudge implements Workflow<Integer> {
    private final Nudge nudge = new Nudge();

    @Override
    public Optional<String> keyOf(Event event) {
      return nudge.keyOf(event);
    }

    @Override
    public boolean starts(Event event) {
      return nudge.starts(event);
    }

    @Override
    public Integer initialState(String key) {
      return nudge.initialState(key);
    }

    @Override
    public Integer evolve(Integer state, Event event) {
      return nudge.evolve(state, event);
    }

    @Override
    public boolean ended(Integer state) {
      return nudge.ended(state);
    }

    @Override
    public Reaction react(Integer state, Event event, Instant now) {
      return nudge.react(state, event, now);
    }

    @Override
    public Reaction onDeadline(Integer state, String deadline, Instant now) {
      return deadline.equals("remind") ? Reaction.issue(new SubmitCart(cart))
          : Reaction.issue(new AddItem(cart, new Sku("SMP-1"), PRICE, 1));
    }

    @Override
    public Reaction onRejected(Integer state, Command command, Rejection rejection) {
      return nudge.onRejected(state, command, rejection);
    }
  }

  private ProcessSpec<Integer> spec() {
    return ProcessSpec.of(new CartNudge(), ShoppingCartCodec.INSTANCE, symbols, source);
  }

  private ItemAdded added() {
    return new ItemAdded(cart, new Sku("ABC-1"), PRICE, 1);
  }

  @Test
  void anEventsReactionIsItsSchedulesAndCancels() {
    spec().whenEvent(new CartCreated(cart, "ann")).thenIssues().thenSchedules("remind", "PT1H")
        .thenSchedules("sample", "PT3H").thenEnded(false).verify();
    spec().given(new CartCreated(cart, "ann")).whenEvent(added()).thenIssues().thenCancels("remind").verify();
  }

  @Test
  void timeFiresWhatFallsDueEarliestFirstAndOnlyOnce() {
    spec().given(new CartCreated(cart, "ann")).whenAfter("PT4H")
        .thenIssues(new SubmitCart(cart), new AddItem(cart, new Sku("SMP-1"), PRICE, 1)).verify();
    spec().given(new CartCreated(cart, "ann")).givenAfter("PT1H").whenAfter("PT2H")
        .thenIssues(new AddItem(cart, new Sku("SMP-1"), PRICE, 1)).verify();
    spec().given(new CartCreated(cart, "ann")).whenAfter("PT59M").thenIssues().verify();
  }

  @Test
  void aCancelledDeadlineAndTheDeadlinesOfAnEndedInstanceNeverFire() {
    spec().given(new CartCreated(cart, "ann")).given(added()).whenAfter("PT4H")
        .thenIssues(new AddItem(cart, new Sku("SMP-1"), PRICE, 1)).verify();
    spec().given(new CartCreated(cart, "ann")).given(new CartSubmitted(cart, PRICE)).whenAfter("PT4H")
        .thenIssues().thenEnded(true).verify();
  }

  @Test
  void aRejectionGoesToTheInstanceOfTheLatestEvent() {
    spec().given(new CartCreated(cart, "ann")).whenRejected(new SubmitCart(cart), new CartAlreadySubmitted())
        .thenIssues().thenSchedules("remind", "PT5M").verify();
    contains(failure(() -> spec().whenRejected(new SubmitCart(cart), new CartAlreadySubmitted())),
        "spec 'nudges an idle cart' (Nudge) failed at cart.yaml:120", "no instance of the process was started");
  }

  @Test
  void aWrongExpectationShowsBothSidesAsYaml() {
    contains(failure(() -> spec().given(new CartCreated(cart, "ann")).whenAfter("PT2H")
            .thenIssues().thenEnded(true).verify()),
        "spec 'nudges an idle cart' (Nudge) failed at cart.yaml:120", "SubmitCart", "ended: true", "ended: false");
  }

  @Test
  void aThrowingProcessNamesTheStep() {
    contains(failure(() -> ProcessSpec.of(new Nudge(), ShoppingCartCodec.INSTANCE, symbols, source)
            .given(new CartCreated(cart, "ann")).whenAfter("PT1H").thenIssues().verify()),
        "onDeadline(remind) threw java.lang.UnsupportedOperationException");
  }
}
