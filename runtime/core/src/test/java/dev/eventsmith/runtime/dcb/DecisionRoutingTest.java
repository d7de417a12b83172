package dev.eventsmith.runtime.dcb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Counts;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscribe;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscribed;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscriptions;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command decided across streams routed by the {@link CommandBus}: before the aggregate route
 * that also matches it, through the interceptors, with a command id recorded once.
 */
class DecisionRoutingTest {

  /** Every command, as a model's aggregate command type would match its decided commands too. */
  private static final class RefusingDecider implements Decider<Object, Command, Subscribed> {
    @Override
    public Object initialState() {
      return "";
    }

    @Override
    public Decision<? extends Subscribed, ? extends Rejection> decide(Command command, Object state) {
      throw new IllegalArgumentException("not this aggregate's command: " + command);
    }

    @Override
    public Object evolve(Object state, Subscribed event) {
      return state;
    }

    @Override
    public Class<Subscribed> eventType() {
      return Subscribed.class;
    }
  }

  private final InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
  private final DecisionHandler<Counts, Subscribe, Subscribed> decisions =
      new DecisionHandler<>(store, DecisionHandlerTest.CODEC, new Subscriptions());
  private final CommandBus bus = new CommandBus()
      .register(Command.class, new CommandHandler<>(store, DecisionHandlerTest.CODEC, new RefusingDecider()))
      .registerDecision(Subscribe.class, decisions::handle);

  @Test
  void aDecidedCommandReachesItsDecisionNotTheAggregateThatAlsoMatchesIt() {
    assertInstanceOf(CommandResult.Accepted.class, bus.dispatch(new Subscribe("ann", "math")));
    assertInstanceOf(CommandResult.Accepted.class, bus.dispatch(new Subscribe("ann", "art")));
    CommandResult third = bus.dispatch(new Subscribe("ann", "music"));
    assertInstanceOf(Rejection.class, assertInstanceOf(CommandResult.Rejected.class, third).rejection());
    assertEquals(2, store.readAll(0, 100).size());
    Command other = () -> StreamId.of("Other", "1");
    assertThrows(IllegalArgumentException.class, () -> bus.dispatch(other), "the aggregate route still takes the rest");
  }

  @Test
  void interceptorsSeeDecidedCommandsAndTheirMetadata() {
    List<String> seen = new ArrayList<>();
    bus.intercept((command, metadata, next) -> {
      seen.add(command.getClass().getSimpleName() + " " + metadata);
      return next.handle(Map.of(CommandHandler.COMMAND_ID, "c-1"));
    });
    CommandResult first = bus.dispatch(new Subscribe("bob", "math"));
    CommandResult repeat = bus.dispatch(new Subscribe("bob", "math"));
    assertEquals(List.of("Subscribe {}", "Subscribe {}"), seen);
    assertEquals(first, repeat, "the command id given by the interceptor is recorded once");
    assertEquals(1, store.readAll(0, 100).size());
  }

  @Test
  void aDecisionIsRegisteredOnceForAClassOfItsOwn() {
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> bus.registerDecision(Subscribe.class, decisions::handle));
    assertTrue(twice.getMessage().contains("once"), twice.getMessage());
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Subscribe> notOwn = (Class) Command.class;
    IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
        () -> bus.registerDecision(notOwn, decisions::handle));
    assertTrue(shared.getMessage().contains("own class"), shared.getMessage());
  }
}
