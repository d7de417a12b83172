package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import java.util.ArrayList;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.snapshot.InMemorySnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A command sent again with the same id is answered with what it did the first time, not done twice. */
class CommandIdTest {

  private static final UUID CART = UUID.fromString("00000000-0000-0000-0000-00000000c1d0");
  private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000c2d0");
  private static final Map<String, String> REQ_42 = Map.of(CommandHandler.COMMAND_ID, "req-42");

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandHandler<Cart.State, CartCommand, CartEvent> handler =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());

  private List<RecordedEvent> stream(UUID cart) {
    return store.readStream(StreamId.of("Cart", cart), 1, 100);
  }

  @Test
  void aRetriedCommandIsRecordedOnce() {
    handler.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);

    CommandResult first = handler.handle(add, REQ_42);
    CommandResult retry = handler.handle(add, REQ_42);

    assertEquals(2, stream(CART).size(), "the item was added once");
    assertEquals(first, retry, "the retry answers what the first handling did");
    assertEquals(List.of(new ItemAdded(CART, "ABC-1", BigDecimal.ONE, 1)),
        assertInstanceOf(CommandResult.Accepted.class, retry).events());
  }

  @Test
  @Tag("reliability")
  void aRetryIsAnsweredFromTheStoreWhateverSnapshotsExist() {
    // A snapshot after every event: the first handling's events are never among the events a load folds.
    CommandHandler<Cart.State, CartCommand, CartEvent> snapshotting =
        handler.withSnapshots(new InMemorySnapshotStore(), new CommandHandlerSnapshotTest.StateText(), 1, 1);
    snapshotting.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);

    CommandResult first = snapshotting.handle(add, REQ_42);
    snapshotting.handle(new AddItem(CART, "LATER", BigDecimal.TEN, 1));
    CommandResult retry = snapshotting.handle(add, REQ_42);

    assertEquals(3, stream(CART).size(), "nothing was appended for the retry");
    assertEquals(first, retry);
    assertEquals(2, assertInstanceOf(CommandResult.Accepted.class, retry).streamVersion(),
        "the answer is the first handling's, not the stream's state now");
  }

  @Test
  void aCommandOfSeveralEventsIsAnsweredWithAllOfThemAndNoMore() {
    CommandHandler<Cart.State, CartCommand, CartEvent> paged = handler.withPageSize(1);
    handler.handle(new CreateCart(CART, "ann"));
    Map<String, String> id = Map.of(CommandHandler.COMMAND_ID, "twice");
    CommandResult first = paged.handle(new AddItem(CART, "TWO", BigDecimal.ONE, 2), id);
    handler.handle(new AddItem(CART, "NEXT", BigDecimal.ONE, 1));

    assertEquals(first, paged.handle(new AddItem(CART, "TWO", BigDecimal.ONE, 2), id));
    assertEquals(3, stream(CART).size());
  }

  @Test
  void aRetryOfACommandOfMoreEventsThanAPageIsAnsweredWithAllOfThemAndNoMore() {
    // A cart whose AddItem of n units records n ItemAdded events of one unit each.
    Cart cart = new Cart();
    Decider<Cart.State, CartCommand, CartEvent> unitByUnit = new Decider<>() {
      @Override
      public Cart.State initialState() {
        return cart.initialState();
      }

      @Override
      public Decision<? extends CartEvent, ? extends Rejection> decide(CartCommand command, Cart.State state) {
        if (command instanceof AddItem add) {
          List<CartEvent> units = new ArrayList<>();
          for (int i = 0; i < add.quantity(); i++) {
            units.add(new ItemAdded(add.cartId(), add.sku(), add.price(), 1));
          }
          return Decision.accept(units);
        }
        return cart.decide(command, state);
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
    CommandHandler<Cart.State, CartCommand, CartEvent> paged =
        new CommandHandler<>(store, CartCodec.INSTANCE, unitByUnit).withPageSize(1);
    paged.handle(new CreateCart(CART, "ann"));
    AddItem three = new AddItem(CART, "THREE", BigDecimal.ONE, 3);
    CommandResult first = paged.handle(three, REQ_42);
    paged.handle(new AddItem(CART, "NEXT", BigDecimal.ONE, 1));

    CommandResult retry = paged.handle(three, REQ_42);

    assertEquals(first, retry);
    assertEquals(List.of(new ItemAdded(CART, "THREE", BigDecimal.ONE, 1), new ItemAdded(CART, "THREE", BigDecimal.ONE, 1),
        new ItemAdded(CART, "THREE", BigDecimal.ONE, 1)), assertInstanceOf(CommandResult.Accepted.class, retry).events());
    assertEquals(4, assertInstanceOf(CommandResult.Accepted.class, retry).streamVersion());
    assertEquals(5, stream(CART).size(), "nothing appended for the retry");
  }

  @Test
  void aStoreThatKeepsRefusingTheCommandsEventIdsIsTriedAtMostMaxAttemptsTimes() {
    handler.handle(new CreateCart(CART, "ann"));
    int[] appends = {0};
    EventStore refusing = new DelegatingEventStore(store) {
      @Override
      public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        appends[0]++;
        throw new DuplicateEventIdException(stream, events.get(0).eventId());
      }
    };
    CommandHandler<Cart.State, CartCommand, CartEvent> twice =
        new CommandHandler<>(refusing, CartCodec.INSTANCE, new Cart()).withMaxAttempts(2);
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);

    assertThrows(DuplicateEventIdException.class, () -> twice.handle(add, REQ_42));
    assertEquals(2, appends[0], "retried once, as a repeat of the same command may have raced it");

    appends[0] = 0;
    assertThrows(DuplicateEventIdException.class, () -> twice.handle(add));
    assertEquals(1, appends[0], "without a command id a duplicate is not a repeat: not retried");
  }

  @Test
  void oneAttemptAndPagesOfOneAreValidSettingsButNoneAreNot() {
    CommandHandler<Cart.State, CartCommand, CartEvent> strict = handler.withMaxAttempts(1).withPageSize(1);
    assertInstanceOf(CommandResult.Accepted.class, strict.handle(new CreateCart(CART, "ann")));
    assertInstanceOf(CommandResult.Accepted.class, strict.handle(new AddItem(CART, "A", BigDecimal.ONE, 1)));
    assertEquals("maxAttempts is at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> handler.withMaxAttempts(0)).getMessage());
    assertEquals("pageSize is at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> handler.withPageSize(0)).getMessage());
  }

  @Test
  void anotherIdOrNoIdIsANewCommand() {
    handler.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);
    handler.handle(add, Map.of(CommandHandler.COMMAND_ID, "req-1"));
    handler.handle(add, Map.of(CommandHandler.COMMAND_ID, "req-2"));
    handler.handle(add);
    assertEquals(4, stream(CART).size());
  }

  @Test
  @Tag("reliability")
  void oneCommandIdInTwoStreamsIsTwoCommandsWithDistinctEventIds() {
    handler.handle(new CreateCart(CART, "ann"), REQ_42);
    handler.handle(new CreateCart(OTHER, "bob"), REQ_42);

    assertEquals(1, stream(CART).size());
    assertEquals(1, stream(OTHER).size(), "the second stream's command was not mistaken for a repeat");
    assertNotEquals(stream(CART).get(0).eventId(), stream(OTHER).get(0).eventId());
  }

  @Test
  void eventIdsFollowFromTheCommandIdTheStreamAndTheIndex() {
    handler.handle(new CreateCart(CART, "ann"), Map.of(CommandHandler.COMMAND_ID, "create"));
    String stream = "Cart-" + CART;
    UUID expected = UUID.nameUUIDFromBytes(("eventsmith-command:" + stream.length() + ":" + stream + ":create:0")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, stream(CART).get(0).eventId());
  }

  @Test
  void eventIdsDoNotCollideWhenTheSeparatorIsInTheIds() {
    // "A-x:y" + "z" and "A-x" + "y:z" would give the same text without the stream's length in front.
    assertNotEquals(CommandHandler.eventId(StreamId.of("A", "x:y"), "z", 0),
        CommandHandler.eventId(StreamId.of("A", "x"), "y:z", 0));
  }

  @Test
  @Tag("reliability")
  void anEventWhoseAggregateIdNamesAnotherStreamIsRefusedOnLoad() {
    handler.handle(new CreateCart(CART, "ann"));
    // Appended to CART's stream by hand, but its cartId names OTHER's.
    EncodedEvent foreign = CartCodec.INSTANCE.encode(new ItemAdded(OTHER, "X", BigDecimal.ONE, 1));
    store.append(StreamId.of("Cart", CART), ExpectedVersion.exactly(1), List.of(
        new NewEvent(UUID.randomUUID(), foreign.type(), foreign.schemaVersion(), foreign.data(), Map.of())));

    EventStoreException e = assertThrows(EventStoreException.class,
        () -> handler.handle(new AddItem(CART, "Y", BigDecimal.ONE, 1)));

    assertEquals("the ItemAdded event at Cart-" + CART + "@2 (global position 2) names the stream Cart-" + OTHER
        + " by its aggregate id, not the stream it is stored in; it was appended to the wrong stream, or its id field "
        + "was changed: move it to Cart-" + OTHER + " or correct its id", e.getMessage());
    assertEquals(2, stream(CART).size(), "nothing was decided on the wrong state");
  }

  @Test
  @Tag("reliability")
  void theSameCommandRecordedByAnotherHandlerBetweenLookUpAndLoadIsAnsweredNotRecordedTwice() {
    handler.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);
    // Right after this handler looked the command up (and found nothing), a replica handles it.
    EventStore racing = new DelegatingEventStore(store) {
      boolean raced;

      @Override
      public Optional<RecordedEvent> readEvent(UUID eventId) {
        Optional<RecordedEvent> found = super.readEvent(eventId);
        if (!raced) {
          raced = true;
          handler.handle(add, REQ_42);
        }
        return found;
      }
    };

    CommandResult answer = new CommandHandler<>(racing, CartCodec.INSTANCE, new Cart()).handle(add, REQ_42);

    assertEquals(2, stream(CART).size(), "recorded once, by the replica");
    assertEquals(handler.handle(add, REQ_42), answer, "and answered with what the replica recorded");
  }
  @Test
  @Tag("reliability")
  void aRepeatThatWouldBeRefusedOnTheReplicasStateIsAnsweredWithWhatTheReplicaRecorded() {
    handler.handle(new CreateCart(CART, "ann"));
    SubmitCart submit = new SubmitCart(CART);
    // The replica records the command between this handler's look-up and its load: deciding on the
    // replica's state would refuse it (already submitted), yet it is the same command.
    EventStore racing = new DelegatingEventStore(store) {
      boolean raced;

      @Override
      public Optional<RecordedEvent> readEvent(UUID eventId) {
        Optional<RecordedEvent> found = super.readEvent(eventId);
        if (!raced) {
          raced = true;
          handler.handle(submit, REQ_42);
        }
        return found;
      }
    };

    CommandResult answer = new CommandHandler<>(racing, CartCodec.INSTANCE, new Cart()).handle(submit, REQ_42);

    assertInstanceOf(CommandResult.Accepted.class, answer, "the repeat is not refused: " + answer);
    assertEquals(2, stream(CART).size(), "recorded once, by the replica");
    assertEquals(handler.handle(submit, REQ_42), answer, "and answered with what the replica recorded");
  }
}
