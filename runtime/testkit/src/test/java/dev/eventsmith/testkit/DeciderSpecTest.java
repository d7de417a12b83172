package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.testkit.cart.Cart;
import dev.eventsmith.testkit.cart.CartCommand;
import dev.eventsmith.testkit.cart.CartCommand.AddItem;
import dev.eventsmith.testkit.cart.CartCommand.CartAlreadySubmitted;
import dev.eventsmith.testkit.cart.CartCommand.SubmitCart;
import dev.eventsmith.testkit.cart.CartCommand.TooManyItems;
import dev.eventsmith.testkit.cart.CartEvent;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.CartSubmitted;
import dev.eventsmith.testkit.cart.CartEvent.ItemAdded;
import dev.eventsmith.testkit.cart.Money;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import dev.eventsmith.testkit.cart.Sku;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

class DeciderSpecTest {

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("cart.yaml", 23, "AddItem", "adds an item to an open cart");
  private final UUID cart = symbols.uuid("cart");
  private final Money price = new Money(new BigDecimal("9.99"));

  private DeciderSpec<Cart.State, CartCommand, CartEvent> spec() {
    return DeciderSpec.of(new Cart(), ShoppingCartCodec.INSTANCE, symbols, source);
  }

  static AssertionFailedError failure(Executable spec) {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, spec);
    return e;
  }

  static void contains(AssertionFailedError e, String... lines) {
    for (String line : lines) {
      assertTrue(e.getMessage().contains(line), () -> "missing <" + line + "> in:\n" + e.getMessage());
    }
  }

  @Test
  void passes_when_the_events_match() {
    spec().given(new CartCreated(cart, "ann"))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 2))
        .thenEvents(new ItemAdded(cart, new Sku("ABC-1"), price, 2));
  }

  @Test
  void passes_when_no_events_are_expected_and_none_come() {
    spec().given(new CartCreated(cart, "ann")).when(new SubmitCart(cart)).thenEvents();
  }

  @Test
  void shows_differing_events_side_by_side_with_the_spec_location() {
    AssertionFailedError e = failure(() -> spec().given(new CartCreated(cart, "ann"))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 3))
        .thenEvents(new ItemAdded(cart, new Sku("ABC-1"), price, 2)));

    assertEquals(String.join("\n",
        "spec 'adds an item to an open cart' (AddItem) failed at cart.yaml:23",
        "  expected events                   | actual events",
        "  - ItemAdded:                      | - ItemAdded:",
        "      cartId: $cart                 |     cartId: $cart",
        "      sku: ABC-1                    |     sku: ABC-1",
        "      price: 9.99                   |     price: 9.99",
        ">     quantity: 2                   |     quantity: 3"), e.getMessage());
    assertEquals("- ItemAdded:\n    cartId: $cart\n    sku: ABC-1\n    price: 9.99\n    quantity: 2", e.getExpected().getValue());
    assertEquals("- ItemAdded:\n    cartId: $cart\n    sku: ABC-1\n    price: 9.99\n    quantity: 3", e.getActual().getValue());
  }

  @Test
  void an_extra_event_is_marked_without_shifting_the_others() {
    AssertionFailedError e = failure(() -> spec().given(new CartCreated(cart, "ann"))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenEvents());

    contains(e, "  expected events                   | actual events",
        "> []                                | - ItemAdded:",
        ">                                   |     cartId: $cart");
  }

  @Test
  void reports_a_rejection_where_events_were_expected() {
    AssertionFailedError e = failure(() -> spec()
        .given(new CartCreated(cart, "ann"), new ItemAdded(cart, new Sku("A-1"), price, 3))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenEvents(new ItemAdded(cart, new Sku("ABC-1"), price, 1)));

    contains(e, "failed at cart.yaml:23", "the command was rejected, but events were expected",
        "expected events                   | actual rejection",
        "> - ItemAdded:                      | rejected: TooManyItems {max: 3}");
  }

  @Test
  void checks_rejections_by_value_and_by_type() {
    spec().given(new CartCreated(cart, "ann"), new ItemAdded(cart, new Sku("A-1"), price, 3))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejected(new TooManyItems(3));
    spec().given(new CartSubmitted(cart, Money.ZERO))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejectedWith(CartAlreadySubmitted.class);

    AssertionFailedError wrongValue = failure(() -> spec()
        .given(new ItemAdded(cart, new Sku("A-1"), price, 3))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejected(new TooManyItems(5)));
    contains(wrongValue, "> rejected: TooManyItems {max: 5}   | rejected: TooManyItems {max: 3}");

    AssertionFailedError wrongType = failure(() -> spec()
        .given(new ItemAdded(cart, new Sku("A-1"), price, 3))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejectedWith(CartAlreadySubmitted.class));
    contains(wrongType, "> rejected: CartAlreadySubmitted    | rejected: TooManyItems {max: 3}");
  }

  @Test
  void reports_events_where_a_rejection_was_expected() {
    AssertionFailedError e = failure(() -> spec()
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenRejectedWith(CartAlreadySubmitted.class));

    contains(e, "spec 'adds an item to an open cart' (AddItem) failed at cart.yaml:23",
        "the command was accepted, but a rejection was expected",
        "> rejected: CartAlreadySubmitted    | - ItemAdded:");
  }

  @Test
  void an_exception_in_hand_written_code_fails_the_spec_with_its_cause() {
    AssertionFailedError e = failure(() -> spec()
        .when(new AddItem(cart, new Sku("BOOM"), price, 1))
        .thenEvents());

    contains(e, "spec 'adds an item to an open cart' (AddItem) failed at cart.yaml:23",
        "decide(AddItem) threw java.lang.IllegalStateException: no stock service");
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void a_codec_that_loses_data_fails_every_spec_that_uses_the_event() {
    EventCodec lossy = new EventCodec() {
      @Override
      public EncodedEvent encode(Event event) {
        return ShoppingCartCodec.INSTANCE.encode(event);
      }

      @Override
      public Event decode(String type, int schemaVersion, byte[] data) {
        Event event = ShoppingCartCodec.INSTANCE.decode(type, schemaVersion, data);
        return event instanceof CartCreated c ? new CartCreated(c.cartId(), c.customer().trim()) : event;
      }

      @Override
      public Set<String> types() {
        return ShoppingCartCodec.INSTANCE.types();
      }
    };

    AssertionFailedError e = failure(() -> DeciderSpec.of(new Cart(), lossy, symbols, source)
        .given(new CartCreated(cart, "ann "))
        .when(new AddItem(cart, new Sku("ABC-1"), price, 1))
        .thenEvents(new ItemAdded(cart, new Sku("ABC-1"), price, 1)));

    contains(e, "failed at cart.yaml:23",
        "the codec does not round-trip given event #1: decoding its JSON gives another event",
        "json: {\"cartId\":\"" + cart + "\",\"customer\":\"ann \"}",
        ">     customer: \"ann \"");
  }

  @Test
  void then_without_when_is_a_mistake_in_the_test() {
    assertThrows(IllegalStateException.class, () -> spec().thenEvents());
  }
}
