package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A command sent again with the same id is answered with what it did the first time, not done twice. */
class CommandIdTest {

  private static final UUID CART = UUID.fromString("00000000-0000-0000-0000-00000000c1d0");

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandHandler<Cart.State, CartCommand, CartEvent> handler =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());

  private List<RecordedEvent> stream() {
    return store.readStream(StreamId.of("Cart", CART), 1, 100);
  }

  @Test
  void aRetriedCommandIsRecordedOnce() {
    handler.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);
    Map<String, String> id = Map.of(CommandHandler.COMMAND_ID, "req-42");

    CommandResult first = handler.handle(add, id);
    CommandResult retry = handler.handle(add, id);

    assertEquals(2, stream().size(), "the item was added once");
    assertEquals(first, retry, "the retry answers what the first handling did");
    assertEquals(List.of(new ItemAdded(CART, "ABC-1", BigDecimal.ONE, 1)),
        assertInstanceOf(CommandResult.Accepted.class, retry).events());
  }

  @Test
  void anotherIdOrNoIdIsANewCommand() {
    handler.handle(new CreateCart(CART, "ann"));
    AddItem add = new AddItem(CART, "ABC-1", BigDecimal.ONE, 1);
    handler.handle(add, Map.of(CommandHandler.COMMAND_ID, "req-1"));
    handler.handle(add, Map.of(CommandHandler.COMMAND_ID, "req-2"));
    handler.handle(add);
    assertEquals(4, stream().size());
  }

  @Test
  void eventIdsFollowFromTheCommandId() {
    handler.handle(new CreateCart(CART, "ann"), Map.of(CommandHandler.COMMAND_ID, "create"));
    UUID expected = UUID.nameUUIDFromBytes("eventsmith-command:create:0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(expected, stream().get(0).eventId());
  }
}
