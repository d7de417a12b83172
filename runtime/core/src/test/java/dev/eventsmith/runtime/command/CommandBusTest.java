package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void interceptorsWrapEachDispatchInTheOrderAdded() {
    List<String> seen = new ArrayList<>();
    CommandBus bus = new CommandBus().register(CartCommand.class, carts)
        .intercept((command, metadata, next) -> {
          seen.add("outer before " + command.getClass().getSimpleName());
          CommandResult result = next.handle(metadata);
          seen.add("outer after " + result.getClass().getSimpleName());
          return result;
        })
        .intercept((command, metadata, next) -> {
          seen.add("inner before");
          CommandResult result = next.handle(metadata);
          seen.add("inner after");
          return result;
        });
    UUID cart = UUID.randomUUID();
    bus.dispatch(new SubmitCart(cart));
    bus.dispatch(new SubmitCart(cart));
    assertEquals(List.of("outer before SubmitCart", "inner before", "inner after", "outer after Accepted",
        "outer before SubmitCart", "inner before", "inner after", "outer after Rejected"), seen);
  }

  @Test
  void metadataAnInterceptorAddsIsRecordedOnTheEvents() {
    CommandBus bus = new CommandBus().register(CartCommand.class, carts).intercept((command, metadata, next) -> {
      Map<String, String> more = new HashMap<>(metadata);
      more.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      return next.handle(more);
    });
    UUID cart = UUID.randomUUID();
    bus.dispatch(new CreateCart(cart, "ann"), Map.of(CommandHandler.COMMAND_ID, "c-1"));
    RecordedEvent recorded = store.readStream(StreamId.of("Cart", cart), 1, 1).get(0);
    assertEquals(Map.of(CommandHandler.COMMAND_ID, "c-1",
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), recorded.metadata());
  }

  @Test
  void anInterceptorSeesTheHandlersExceptionAndLetsItThrough() {
    DelegatingEventStore conflicting = new DelegatingEventStore(store) {
      @Override
      public dev.eventsmith.runtime.store.AppendResult append(StreamId stream,
          dev.eventsmith.runtime.store.ExpectedVersion expected, List<dev.eventsmith.runtime.store.NewEvent> events) {
        throw new WrongExpectedVersionException(stream, expected, 7);
      }
    };
    List<Throwable> seen = new ArrayList<>();
    CommandBus bus = new CommandBus()
        .register(CartCommand.class, new CommandHandler<>(conflicting, CartCodec.INSTANCE, new Cart()))
        .intercept((command, metadata, next) -> {
          try {
            return next.handle(metadata);
          } catch (RuntimeException e) {
            seen.add(e);
            throw e;
          }
        });
    WrongExpectedVersionException thrown =
        assertThrows(WrongExpectedVersionException.class, () -> bus.dispatch(new CreateCart(UUID.randomUUID(), "ann")));
    assertEquals(List.of(thrown), seen);
  }

  @Test
  void anInterceptorThatAnswersNothingIsNamed() {
    CommandBus bus = new CommandBus().register(CartCommand.class, carts).intercept((command, metadata, next) -> null);
    NullPointerException thrown =
        assertThrows(NullPointerException.class, () -> bus.dispatch(new CreateCart(UUID.randomUUID(), "ann")));
    assertTrue(thrown.getMessage().contains("returned no result for CreateCart"), thrown.getMessage());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aCommandTypeOverlappingOneAlreadyRoutedIsRefusedEitherWay() {
    CommandHandler raw = carts;
    IllegalArgumentException narrower = assertThrows(IllegalArgumentException.class,
        () -> new CommandBus().register(CartCommand.class, carts).register(CreateCart.class, raw));
    assertEquals(CreateCart.class.getName() + " overlaps with the commands already routed as " + CartCommand.class.getName()
        + ": register each aggregate's command type once", narrower.getMessage());
    IllegalArgumentException wider = assertThrows(IllegalArgumentException.class,
        () -> new CommandBus().register(CreateCart.class, raw).register(CartCommand.class, carts));
    assertEquals(CartCommand.class.getName() + " overlaps with the commands already routed as " + CreateCart.class.getName()
        + ": register each aggregate's command type once", wider.getMessage());
    // unrelated command types of one aggregate's family may each have a route
    new CommandBus().register(CreateCart.class, raw).register(SubmitCart.class, raw);
  }
}
