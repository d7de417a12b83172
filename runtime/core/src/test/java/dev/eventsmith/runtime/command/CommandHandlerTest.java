package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CartAlreadySubmitted;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartCommand.TooManyItems;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.fixture.Coupon;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {

  private static final UUID CART = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
  private static final StreamId STREAM = StreamId.of("Cart", CART);
  private static final BigDecimal PRICE = new BigDecimal("9.99");

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandHandler<Cart.State, CartCommand, CartEvent> handler =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());

  private static NewEvent stored(CartEvent event) {
    EncodedEvent e = CartCodec.INSTANCE.encode(event);
    return new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of());
  }

  private static NewEvent raw(String type, int version, String json) {
    return new NewEvent(UUID.randomUUID(), type, version, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  @Test
  void an_accepted_command_appends_its_events_with_metadata() {
    store.append(StreamId.of("Cart", "other"), ExpectedVersion.any(), List.of(stored(new CartCreated(UUID.randomUUID(), "bob"))));
    handler.handle(new CreateCart(CART, "ann"));

    CommandResult result = handler.handle(new AddItem(CART, "ABC-1", PRICE, 2), Map.of("user", "ann"));

    assertEquals(new CommandResult.Accepted(STREAM, List.of(new ItemAdded(CART, "ABC-1", PRICE, 2)), 2, 3), result);
    List<RecordedEvent> events = store.readStream(STREAM, 1, 10);
    assertEquals(List.of("CartCreated", "ItemAdded"), events.stream().map(RecordedEvent::type).toList());
    assertEquals(Map.of("user", "ann"), events.get(1).metadata());
    assertEquals(2, events.get(1).schemaVersion());
    assertNotEquals(events.get(0).eventId(), events.get(1).eventId());
  }

  @Test
  void a_rejected_command_appends_nothing() {
    handler.handle(new CreateCart(CART, "ann"));
    handler.handle(new SubmitCart(CART));

    CommandResult result = handler.handle(new AddItem(CART, "ABC-1", PRICE, 1));

    assertEquals(new CommandResult.Rejected(STREAM, new CartAlreadySubmitted()), result);
    assertEquals(2, store.streamVersion(STREAM));
  }

  @Test
  void accepting_with_no_events_appends_nothing_and_reports_the_stream_as_it_is() {
    store.append(StreamId.of("Cart", "other"), ExpectedVersion.any(), List.of(stored(new CartCreated(UUID.randomUUID(), "bob"))));
    handler.handle(new CreateCart(CART, "ann"));

    CommandResult again = handler.handle(new CreateCart(CART, "ann"));

    assertEquals(new CommandResult.Accepted(STREAM, List.of(), 1, 2), again);
    assertEquals(2, store.readAll(0, 10).size());
  }

  @Test
  void a_conflict_reloads_and_decides_again_on_the_new_state() {
    handler.handle(new CreateCart(CART, "ann"));
    InterferingStore racy = new InterferingStore(store, 1);
    CommandHandler<Cart.State, CartCommand, CartEvent> h = new CommandHandler<>(racy, CartCodec.INSTANCE, new Cart());

    // The other writer adds 2 items first; with ours that would be 4 > 3, so the retry rejects.
    CommandResult result = h.handle(new AddItem(CART, "ABC-1", PRICE, 2));

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(3)), result);
    assertEquals(1, racy.appendCalls, "the retry rejected, so it did not append");
    assertEquals(2, racy.readStreamCalls, "loaded again after the conflict");
    assertEquals(2, store.streamVersion(STREAM));
  }

  @Test
  void a_conflict_then_success_appends_after_the_other_writer() {
    handler.handle(new CreateCart(CART, "ann"));
    InterferingStore racy = new InterferingStore(store, 1);
    CommandHandler<Cart.State, CartCommand, CartEvent> h = new CommandHandler<>(racy, CartCodec.INSTANCE, new Cart());

    CommandResult result = h.handle(new AddItem(CART, "XYZ-9", PRICE, 1));

    assertEquals(new CommandResult.Accepted(STREAM, List.of(new ItemAdded(CART, "XYZ-9", PRICE, 1)), 3, 3), result);
  }

  @Test
  void gives_up_after_the_maximum_attempts() {
    handler.handle(new CreateCart(CART, "ann"));
    InterferingStore racy = new InterferingStore(store, Integer.MAX_VALUE);
    CommandHandler<Cart.State, CartCommand, CartEvent> h =
        new CommandHandler<>(racy, CartCodec.INSTANCE, new Cart()).withMaxAttempts(2);

    assertThrows(WrongExpectedVersionException.class, () -> h.handle(new SubmitCart(CART)));
    assertEquals(2, racy.appendCalls);
    assertThrows(IllegalArgumentException.class, () -> handler.withMaxAttempts(0));
  }

  @Test
  void loads_long_streams_in_pages() {
    handler.handle(new CreateCart(CART, "ann"));
    store.append(STREAM, ExpectedVersion.exactly(1), List.of(
        stored(new ItemAdded(CART, "A-1", PRICE, 1)), stored(new ItemAdded(CART, "A-2", PRICE, 1)),
        stored(new ItemAdded(CART, "A-3", PRICE, 1))));
    InterferingStore counting = new InterferingStore(store, 0);
    CommandHandler<Cart.State, CartCommand, CartEvent> h =
        new CommandHandler<>(counting, CartCodec.INSTANCE, new Cart()).withPageSize(2);

    // 4 events in pages of 2: reads 2, 2, then an empty page; all 3 items were folded.
    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(3)), h.handle(new AddItem(CART, "A-4", PRICE, 1)));
    assertEquals(3, counting.readStreamCalls);
  }

  @Test
  void upcasts_old_event_versions_while_loading() {
    handler.handle(new CreateCart(CART, "ann"));
    String v1 = "{\"cartId\":\"" + CART + "\",\"sku\":\"A-1\",\"price\":1.00}";
    store.append(STREAM, ExpectedVersion.exactly(1), List.of(raw("ItemAdded", 1, v1), raw("ItemAdded", 1, v1)));

    // two v1 items count 1 each: 2 + 1 fits, 2 + 2 does not
    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(3)), handler.handle(new AddItem(CART, "B", PRICE, 2)));
    assertInstanceOf(CommandResult.Accepted.class, handler.handle(new AddItem(CART, "B", PRICE, 1)));
  }

  @Test
  void an_undecodable_event_names_where_it_is_stored() {
    handler.handle(new CreateCart(CART, "ann"));
    store.append(StreamId.of("Cart", "x"), ExpectedVersion.any(), List.of(raw("CartSubmitted", 1, "{}")));
    store.append(STREAM, ExpectedVersion.exactly(1), List.of(raw("ItemAdded", 2, "{\"cartId\":\"" + CART + "\"}")));

    EventStoreException e = assertThrows(EventStoreException.class, () -> handler.handle(new SubmitCart(CART)));

    assertEquals("cannot decode the ItemAdded v2 event at " + STREAM + "@2 (global position 3): $.sku: missing", e.getMessage());
    assertInstanceOf(CodecException.class, e.getCause());
  }

  @Test
  void an_event_of_another_aggregate_in_the_stream_is_refused() {
    EncodedEvent coupon = CartCodec.INSTANCE.encode(new Coupon("SALE"));
    store.append(STREAM, ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), coupon.type(), 1, coupon.data(), Map.of())));

    EventStoreException e = assertThrows(EventStoreException.class, () -> handler.handle(new CreateCart(CART, "ann")));

    assertTrue(e.getMessage().startsWith("the Coupon event at " + STREAM + "@1 (global position 1) decodes to "
        + Coupon.class.getName() + ", which is not a " + CartEvent.class.getName()), e.getMessage());
  }

  @Test
  void an_event_for_another_stream_is_a_bug_in_the_decider() {
    Cart cart = new Cart();
    Decider<Cart.State, CartCommand, CartEvent> wrong = new Decider<>() {
      @Override
      public Cart.State initialState() {
        return cart.initialState();
      }

      @Override
      public Decision<? extends CartEvent, ? extends Rejection> decide(CartCommand command, Cart.State state) {
        return Decision.accept(new CartCreated(UUID.randomUUID(), "ann"));
      }

      @Override
      public Cart.State evolve(Cart.State state, CartEvent event) {
        return cart.evolve(state, event);
      }

      @Override
      public Class<CartEvent> eventType() {
        return CartEvent.class;
      }
    };
    CommandHandler<Cart.State, CartCommand, CartEvent> h = new CommandHandler<>(store, CartCodec.INSTANCE, wrong);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.handle(new CreateCart(CART, "ann")));
    assertTrue(e.getMessage().contains("while handling CreateCart for stream " + STREAM), e.getMessage());
    assertEquals(0, store.readAll(0, 10).size());
  }

  /** Delegates to a store, but lets "another writer" add 2 items just before our first appends. */
  private static final class InterferingStore extends DelegatingEventStore {
    private final EventStore delegate;
    private int interferences;
    int appendCalls;
    int readStreamCalls;

    InterferingStore(EventStore delegate, int interferences) {
      super(delegate);
      this.delegate = delegate;
      this.interferences = interferences;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
      appendCalls++;
      if (interferences > 0) {
        interferences--;
        UUID cart = UUID.fromString(stream.id());
        delegate.append(stream, ExpectedVersion.any(), List.of(stored(new ItemAdded(cart, "OTHER", PRICE, 2))));
      }
      return super.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
      readStreamCalls++;
      return super.readStream(stream, fromVersion, maxCount);
    }
  }
}
