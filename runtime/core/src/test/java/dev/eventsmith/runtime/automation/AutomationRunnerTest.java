package dev.eventsmith.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AutomationRunnerTest {

  private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

  /** Every new cart gets a free gift. */
  private static final class GiftOnCreate implements Automation {
    @Override
    public List<? extends Command> react(Event event) {
      if (event instanceof CartCreated created) {
        return List.of(new AddItem(created.cartId(), "GIFT", BigDecimal.ZERO, 1));
      }
      return List.of();
    }
  }

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final CommandBus bus = new CommandBus()
      .register(CartCommand.class, new CommandHandler<Cart.State, CartCommand, CartEvent>(store, CartCodec.INSTANCE,
          new Cart()));

  @Test
  void issuesTheCommandsOfEachEventOnceAndRemembersWhereItIs() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new CreateCart(BOB, "bob"));
    AutomationRunner runner = new AutomationRunner(store, CartCodec.INSTANCE, new GiftOnCreate(), bus);

    assertEquals(2, runner.catchUp());
    assertEquals(List.of("CartCreated", "ItemAdded"),
        store.readStream(StreamId.of("Cart", ANN), 1, 10).stream().map(RecordedEvent::type).toList());
    assertEquals(4, runner.checkpoint(), "the events its own commands recorded were read too");

    assertEquals(0, runner.catchUp(), "nothing new: nothing issued again");
    bus.dispatch(new CreateCart(UUID.fromString("00000000-0000-0000-0000-0000000000c3"), "cy"));
    assertEquals(1, runner.catchUp());
  }

  @Test
  void startsAfterACheckpointTheCallerSaved() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new CreateCart(BOB, "bob"));
    AutomationRunner runner = new AutomationRunner(store, CartCodec.INSTANCE, new GiftOnCreate(), bus).startingAfter(1);

    assertEquals(1, runner.catchUp());
    assertEquals(1, store.streamVersion(StreamId.of("Cart", ANN)), "ann's event was before the checkpoint");
    assertEquals(2, store.streamVersion(StreamId.of("Cart", BOB)));
  }

  @Test
  void aFailingAutomationNamesTheEventsLocation() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    Automation broken = event -> {
      throw new IllegalStateException("boom");
    };
    AutomationRunner runner = new AutomationRunner(store, CartCodec.INSTANCE, broken, bus);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, runner::catchUp);
    assertTrue(thrown.getMessage().contains("Cart-" + ANN + "@1 (global position 1)"), thrown.getMessage());
    assertEquals(0, runner.checkpoint(), "the failed event is not skipped");
  }
}
