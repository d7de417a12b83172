package dev.eventsmith.runtime.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.checkpoint.IssuedCommands.Outcome;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CountingCart;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SegmentedAutomationTest {

  /** How many new carts the automation has seen. */
  private final AtomicInteger seen = new AtomicInteger();

  /** Every new cart gets a free gift. */
  private final Automation gift = (Event event) -> {
    if (event instanceof CartCreated created) {
      seen.incrementAndGet();
      return List.<Command>of(new AddItem(created.cartId(), "GIFT", BigDecimal.ZERO, 1));
    }
    return List.of();
  };

  private final InMemoryEventStore store = new InMemoryEventStore();
  /** How many commands the cart decided (a repeat answered by its command id is not decided). */
  private final AtomicInteger decisions = new AtomicInteger();
  private final CommandBus bus = new CommandBus().register(CartCommand.class,
      new CommandHandler<Cart.State, CartCommand, CartEvent>(store, CartCodec.INSTANCE, new CountingCart(decisions::incrementAndGet)));
  private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

  private SegmentRunner<List<Command>> runner() {
    return SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift, bus,
        SegmentedCheckpoints.whole(checkpoints, "gift")).runner();
  }

  @Test
  void it_takes_over_from_an_unsplit_automation_runner_and_each_command_is_recorded_once() {
    for (int i = 0; i < 4; i++) {
      bus.dispatch(new CreateCart(new UUID(1, i), "c" + i));
    }
    new AutomationRunner(store, CartCodec.INSTANCE, gift, bus).withCheckpoints(checkpoints, "gift").catchUp();
    for (int i = 4; i < 6; i++) {
      bus.dispatch(new CreateCart(new UUID(1, i), "c" + i));
    }
    assertEquals(4, seen.get());
    assertEquals(List.of(new Lease(Segment.WHOLE, 0)), runner().catchUp(SegmentLeases.sole().maintain()));
    assertEquals(6, seen.get(), "it went on from the unsplit runner's checkpoint");
    assertEquals(List.of(new Lease(Segment.WHOLE, 0)), runner().catchUp(SegmentLeases.sole().maintain()));
    assertEquals(6, seen.get());

    for (int i = 0; i < 6; i++) {
      List<RecordedEvent> cart = store.readStream(StreamId.of("Cart", new UUID(1, i)), 1, 10);
      assertEquals(2, cart.size(), "cart " + i + " got one gift");
      assertEquals(AutomationRunner.commandId("gift", store.readStream(StreamId.of("Cart", new UUID(1, i)), 1, 1)
          .get(0), 0), cart.get(1).metadata().get(CommandHandler.COMMAND_ID));
    }
    List<RecordedEvent> log = store.readAll(0, 100);
    assertEquals(12, log.size(), "six carts, six gifts");
    assertEquals(log.get(log.size() - 1).globalPosition(), checkpoints.read("automation:gift").position());
  }

  @Test
  void started_after_a_position_it_reacts_only_to_what_comes_later() {
    bus.dispatch(new CreateCart(new UUID(2, 1), "old"));
    long now = store.readAll(0, 10).get(0).globalPosition();
    bus.dispatch(new CreateCart(new UUID(2, 2), "new"));

    SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift, bus,
        SegmentedCheckpoints.whole(checkpoints, "gift")).startingAfter(now).runner()
        .catchUp(SegmentLeases.sole().maintain());

    assertEquals(1, store.streamVersion(StreamId.of("Cart", new UUID(2, 1))));
    assertEquals(2, store.streamVersion(StreamId.of("Cart", new UUID(2, 2))));
  }

  @Test
  void a_command_interrupted_between_its_dispatch_and_its_record_is_not_issued_twice_after_a_takeover() {
    for (int i = 0; i < 6; i++) {
      bus.dispatch(new CreateCart(new UUID(3, i), "c" + i));
    }
    int created = decisions.get();
    SplitCheckpoints split = new SplitCheckpoints("automation:gift", 2, checkpoints);
    List<Lease> first = List.of(split.claim(0), split.claim(1));
    // Instance a dies right after dispatching its first command, before its outcome is recorded.
    IssuedCommands dying = new IssuedCommands() {
      @Override
      public Optional<Outcome> outcome(String commandId) {
        return checkpoints.outcome(commandId);
      }

      @Override
      public Outcome record(String commandId, Outcome outcome) {
        throw new IllegalStateException("killed before recording " + commandId);
      }
    };
    SegmentRunner<List<Command>> a = SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift, bus,
        split.withOutcomes(dying)).runner();
    assertThrows(IllegalStateException.class, () -> a.catchUp(first));
    assertEquals(created + 1, decisions.get(), "one gift was given");
    assertEquals(0, split.position(0) + split.position(1), "and no checkpoint moved");

    // Instance b takes both segments over and reads the events again.
    List<Lease> second = List.of(split.claim(0), split.claim(1));
    SegmentRunner<List<Command>> b = SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift, bus, split)
        .runner();
    assertEquals(second, b.catchUp(second));
    assertEquals(created + 6, decisions.get(), "the interrupted command was answered by its id, not decided again");
    for (int i = 0; i < 6; i++) {
      List<RecordedEvent> cart = store.readStream(StreamId.of("Cart", new UUID(3, i)), 1, 10);
      assertEquals(2, cart.size(), "cart " + i + " got one gift");
      assertEquals(Optional.of(Outcome.ACCEPTED), checkpoints.outcome(
          AutomationRunner.commandId("gift", cart.get(0), 0)), "its outcome is recorded");
    }

    // The deposed instance, back with its old leases, neither writes nor dispatches.
    assertEquals(List.of(), a.catchUp(first));
    // An instance that reads the events again after the outcomes were recorded dispatches nothing.
    SplitCheckpoints fresh = new SplitCheckpoints("automation:gift", 1, checkpoints);
    SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift, bus, fresh).runner()
        .catchUp(List.of(fresh.claim(0)));
    assertEquals(created + 6, decisions.get(), "every outcome was recorded: nothing was dispatched again");
    assertEquals(12, store.readAll(0, 100).size());
  }

  @Test
  void checkpoints_of_another_automation_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> SegmentedAutomation.of("gift", store, CartCodec.INSTANCE, gift,
        bus, SegmentedCheckpoints.whole(checkpoints, "other")));
  }
}
