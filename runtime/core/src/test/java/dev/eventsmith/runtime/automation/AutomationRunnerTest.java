package dev.eventsmith.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.codec.UnknownEventTypeException;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
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

  @Test
  @Tag("reliability")
  void twoRunnersOfOneAutomationRecordEachCommandOnce() {
    // Without outcomes kept next to the checkpoint, both runners dispatch; the handler records once.
    InMemoryCheckpointStore memory = new InMemoryCheckpointStore();
    CheckpointStore checkpointsOnly = new CheckpointStore() {
      @Override
      public Checkpoint read(String name) {
        return memory.read(name);
      }

      @Override
      public Checkpoint advance(String name, Checkpoint expected, long position) {
        return memory.advance(name, expected, position);
      }
    };
    raceTwoRunners(checkpointsOnly, 2);
  }

  @Test
  @Tag("reliability")
  void aRunnerDoesNotDispatchWhatAnotherRunnerOfItsAutomationRecordedTheOutcomeOf() {
    raceTwoRunners(new InMemoryCheckpointStore(), 0);
  }

  private void raceTwoRunners(CheckpointStore checkpoints, int dispatchedByTheFirst) {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new CreateCart(BOB, "bob"));
    AutomationRunner second = new AutomationRunner(store, CartCodec.INSTANCE, new GiftOnCreate(), bus)
        .withCheckpoints(checkpoints, "gifts");
    // On its first event, the first runner lets the second one do all the work meanwhile, as a replica would.
    boolean[] raced = {false};
    Automation racing = event -> {
      if (!raced[0]) {
        raced[0] = true;
        assertEquals(2, second.catchUp());
      }
      return new GiftOnCreate().react(event);
    };
    AutomationRunner first = new AutomationRunner(store, CartCodec.INSTANCE, racing, bus)
        .withCheckpoints(checkpoints, "gifts");

    assertEquals(dispatchedByTheFirst, first.catchUp());

    assertEquals(List.of("CartCreated", "ItemAdded"), types(ANN), "yet each was recorded once");
    assertEquals(List.of("CartCreated", "ItemAdded"), types(BOB));
    assertEquals(4, first.checkpoint());
    assertEquals(4, second.checkpoint());
    assertEquals(0, first.catchUp());
  }

  @Test
  void theCommandsCarryIdsFromTheAutomationsNameTheEventAndTheIndex() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    RecordedEvent created = store.readAll(0, 1).get(0);

    new AutomationRunner(store, CartCodec.INSTANCE, new GiftOnCreate(), bus)
        .withCheckpoints(new InMemoryCheckpointStore(), "gifts").catchUp();

    RecordedEvent gift = store.readStream(StreamId.of("Cart", ANN), 2, 1).get(0);
    assertEquals("automation:gifts:" + created.eventId() + ":0", gift.metadata().get(CommandHandler.COMMAND_ID));
  }

  @Test
  void aFailureMidPageKeepsWhatWasHandledBeforeIt() {
    bus.dispatch(new CreateCart(ANN, "ann"));
    bus.dispatch(new CreateCart(BOB, "bob"));
    Automation failsOnBob = event -> {
      if (((CartCreated) event).cartId().equals(BOB)) {
        throw new IllegalStateException("boom");
      }
      return new GiftOnCreate().react(event);
    };
    AutomationRunner runner = new AutomationRunner(store, CartCodec.INSTANCE, failsOnBob, bus);

    assertThrows(IllegalStateException.class, runner::catchUp);

    assertEquals(1, runner.checkpoint(), "ann's event was handled; bob's is handled again after a restart");
    assertEquals(List.of("CartCreated", "ItemAdded"), types(ANN));
  }

  @Test
  @Tag("reliability")
  void anUnknownEventTypeStopsItUnlessNamedAsSkipped() {
    store.append(StreamId.of("Invoice", "1"), ExpectedVersion.any(), List.of(
        new NewEvent(UUID.randomUUID(), "InvoiceSent", 1, "{}".getBytes(StandardCharsets.UTF_8), Map.of())));
    bus.dispatch(new CreateCart(ANN, "ann"));
    AutomationRunner runner = new AutomationRunner(store, CartCodec.INSTANCE, new GiftOnCreate(), bus);

    UnknownEventTypeException stopped = assertThrows(UnknownEventTypeException.class, runner::catchUp);
    assertTrue(stopped.getMessage().startsWith("the automation " + GiftOnCreate.class.getName()
        + " stopped at the event of unknown type 'InvoiceSent' at Invoice-1@1 (global position 1)"),
        stopped.getMessage());
    assertTrue(stopped.getMessage().contains("AutomationRunner.skippingTypes(...)"), stopped.getMessage());
    assertEquals(0, runner.checkpoint());

    assertEquals(1, runner.skippingTypes(List.of("InvoiceSent")).catchUp());
    assertThrows(IllegalArgumentException.class, () -> runner.skippingTypes(List.of("CartCreated")));
  }

  private List<String> types(UUID cart) {
    return store.readStream(StreamId.of("Cart", cart), 1, 10).stream().map(RecordedEvent::type).toList();
  }
}
