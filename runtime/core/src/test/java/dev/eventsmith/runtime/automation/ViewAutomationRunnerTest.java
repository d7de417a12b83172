package dev.eventsmith.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartSummary;
import dev.eventsmith.runtime.fixture.CartSummaryProjection;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewAutomationRunnerTest {

  private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

  /** Submits a cart when its summary first shows three items. */
  private static final class SubmitAtThree implements ViewAutomation<CartSummary> {
    @Override
    public List<? extends Command> react(CartSummary row) {
      return row.items() == 3 ? List.of(new SubmitCart(row.cartId())) : List.of();
    }
  }

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandBus bus = new CommandBus().register(CartCommand.class,
      new CommandHandler<Cart.State, CartCommand, CartEvent>(store, CartCodec.INSTANCE, new Cart()));

  private ViewAutomationRunner<UUID, CartSummary> runner() {
    return new ViewAutomationRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), new SubmitAtThree(), bus);
  }

  private List<String> types() {
    return store.readStream(StreamId.of("Cart", ANN), 1, 100).stream().map(RecordedEvent::type).toList();
  }

  @Test
  void reactsToTheRowThatReachesTheStateOnce() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new AddItem(ANN, "A", BigDecimal.ONE, 2));
    ViewAutomationRunner<UUID, CartSummary> runner = runner();
    assertEquals(0, runner.catchUp(), "two items: nothing to do");

    bus.dispatch(new AddItem(ANN, "B", BigDecimal.ONE, 1));
    assertEquals(1, runner.catchUp());
    assertEquals(List.of("CartCreated", "ItemAdded", "ItemAdded", "CartSubmitted"), types());
    assertEquals(0, runner.catchUp(), "nothing new, nothing issued again");
  }

  @Test
  void rebuildsTheRowsButReactsOnlyAfterTheCheckpoint() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new AddItem(ANN, "A", BigDecimal.ONE, 3));
    long handled = store.readAll(0, 100).size();

    assertEquals(0, runner().startingAfter(handled).catchUp(), "the row reached three before the checkpoint");
    assertEquals(List.of("CartCreated", "ItemAdded"), types());
    assertEquals(1, runner().catchUp(), "from the start, the same change is reacted to");
  }

  @Test
  void aReactionThatFailsIsRetriedOnTheRowAsItWasNotOnTopOfItself() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new AddItem(ANN, "A", BigDecimal.ONE, 3));
    int[] calls = {0};
    ViewAutomation<CartSummary> failsOnce = row -> {
      if (row.items() == 3 && calls[0]++ == 0) {
        throw new IllegalStateException("mail server down");
      }
      return new SubmitAtThree().react(row);
    };
    ViewAutomationRunner<UUID, CartSummary> runner =
        new ViewAutomationRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), failsOnce, bus);

    IllegalStateException e = assertThrows(IllegalStateException.class, runner::catchUp);
    assertTrue(e.getMessage().contains("failed on the ItemAdded event at Cart-" + ANN + "@2"), e.getMessage());

    assertEquals(1, runner.catchUp(), "the same runner, retried, sees three items, not six");
    assertEquals(List.of("CartCreated", "ItemAdded", "CartSubmitted"), types());
  }
}
