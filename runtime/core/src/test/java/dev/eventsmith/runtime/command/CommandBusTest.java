package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.StreamId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandBusTest {

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandHandler<Cart.State, CartCommand, CartEvent> carts =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());

  @Test
  void routesACommandToTheHandlerOfItsAggregate() {
    CommandBus bus = new CommandBus().register(CartCommand.class, carts);
    UUID cart = UUID.randomUUID();
    assertInstanceOf(CommandResult.Accepted.class, bus.dispatch(new CreateCart(cart, "ann")));
    assertTrue(store.streamVersion(StreamId.of("Cart", cart)) == 1);
  }

  @Test
  void aCommandWithoutHandlerIsRefusedWithAHint() {
    Command stray = () -> StreamId.of("Stray", "1");
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> new CommandBus().register(CartCommand.class, carts).dispatch(stray));
    assertTrue(thrown.getMessage().contains("register"), thrown.getMessage());
  }

  @Test
  void oneCommandTypeIsRoutedOnce() {
    CommandBus bus = new CommandBus().register(CartCommand.class, carts);
    assertThrows(IllegalArgumentException.class, () -> bus.register(CartCommand.class, carts));
  }
}
