package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.testkit.cart.CartCommand.AddItem;
import dev.eventsmith.testkit.cart.CartCommand.TooManyItems;
import dev.eventsmith.testkit.cart.CartEvent;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Specs of a decision across streams: given events stored with their tags, run by a real DecisionHandler. */
class DecisionSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 40, "AddItem", "at most three items per cart");
  private final UUID cart = symbols.uuid("cart");
  private final UUID other = symbols.uuid("other");
  private final Money price = new Money(new BigDecimal("1.00"));

  /** At most three items per cart, counted over the cart's ItemAdded events found by their tag. */
  private static class AtMostThree implements CrossStreamDecider<Integer, AddItem, CartEvent> {
    @Override
    public EventQuery query(AddItem command) {
      return EventQuery.of(QueryItem.of(Set.of("ItemAdded"), "cart:" + command.cartId()));
    }

    @Override
    public Integer initialState(AddItem command) {
      return 0;
    }

    @Override
    public Integer evolve(Integer state, Event event) {
      return state + ((ItemAdded) event).quantity();
    }

    @Override
    public Decision<? extends CartEvent, ? extends Rejection> decide(AddItem command, Integer state) {
      if (state + command.quantity() > 3) {
        return Decision.reject(new TooManyItems(3));
      }
      return Decision.accept(new ItemAdded(command.cartId(), command.sku(), command.price(), command.quantity()));
    }

    @Override
    public Set<String> tagsOf(CartEvent event) {
      return tags(event);
    }
  }

  private static Set<String> tags(Event event) {
    return event instanceof ItemAdded added ? Set.of("cart:" + added.cartId()) : Set.of();
  }

  private DecisionSpec<Integer, AddItem, CartEvent> spec() {
    return DecisionSpec.of(new AtMostThree(), ShoppingCartCodec.INSTANCE, DecisionSpecTest::tags, symbols, source);
  }

  private ItemAdded added(UUID id, int quantity) {
    return new ItemAdded(id, new Sku("ABC-1"), price, quantity);
  }

  @Test
  void eventsTheQueryDoesNotMatchAreIgnored() {
    spec().given(new CartCreated(cart, "ann"), added(other, 3), added(cart, 1))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 2))
        .thenEvents(added(cart, 2));
  }

  @Test
  void theMatchingEventsAreFoldedIntoTheDecision() {
    spec().given(added(cart, 2), added(cart, 1))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejected(new TooManyItems(3));
    spec().given(added(cart, 3))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejectedWith(TooManyItems.class);
  }

  @Test
  void aWrongExpectationNamesTheSpecAndShowsBothSidesAsYaml() {
    contains(failure(() -> spec().given(added(cart, 3))
            .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
            .thenEvents(added(cart, 1))),
        "at most three items per cart", "cart.yaml:40", "the command was rejected, but events were expected",
        "TooManyItems");
    contains(failure(() -> spec().when(new AddItem(cart, new Sku("ABC-1"), price, 1))
            .thenRejected(new TooManyItems(3))),
        "the command was accepted, but a rejection was expected", "ItemAdded");
  }

  @Test
  void anExceptionOfTheLogicIsReportedWithTheSpec() {
    DecisionSpec<Integer, AddItem, CartEvent> throwing = DecisionSpec.of(new AtMostThree() {
      @Override
      public Integer evolve(Integer state, Event event) {
        throw new IllegalStateException("evolve broke");
      }
    }, ShoppingCartCodec.INSTANCE, DecisionSpecTest::tags, symbols, source);
    contains(failure(() -> throwing.given(added(cart, 1))
            .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
            .thenEvents(added(cart, 1))),
        "at most three items per cart", "evolve broke");
  }
}
