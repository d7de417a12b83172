package dev.eventsmith.runtime.dcb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Counts;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Full;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscribe;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscribed;
import dev.eventsmith.runtime.dcb.DecisionHandlerTest.Subscriptions;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A repeat of a command (same command id) whose first handling is recorded between the repeat's
 * look-up and its read: the repeat decides on top of it, and would refuse it, but answers what the
 * first handling recorded.
 */
class DecisionRepeatTest {

  private final InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
  private final Map<String, String> id = Map.of(CommandHandler.COMMAND_ID, "c-1");

  /** At most one course per student, so that a repeat decided on top of the first is refused. */
  private static final class OneCourseEach implements CrossStreamDecider<Counts, Subscribe, Subscribed> {
    private final Subscriptions rules = new Subscriptions();

    @Override
    public EventQuery query(Subscribe command) {
      return rules.query(command);
    }

    @Override
    public Counts initialState(Subscribe command) {
      return rules.initialState(command);
    }

    @Override
    public Counts evolve(Counts state, Event event) {
      return rules.evolve(state, event);
    }

    @Override
    public Decision<Subscribed, Rejection> decide(Subscribe command, Counts state) {
      return state.courses() >= 1 ? Decision.reject(new Full(state.seats())) : rules.decide(command, state);
    }

    @Override
    public Set<String> tagsOf(Subscribed event) {
      return rules.tagsOf(event);
    }
  }

  @Test
  void aRepeatRecordedBetweenLookUpAndReadIsAnsweredNotRefused() {
    DecisionHandler<?, Subscribe, ?> first = new DecisionHandler<>(store, DecisionHandlerTest.CODEC,
        new Subscriptions());
    AtomicBoolean recorded = new AtomicBoolean();
    List<CommandResult> firstResult = new ArrayList<>();
    TaggedEventStore interleaved = new TaggedEventStore() {
      @Override
      public List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
        if (recorded.compareAndSet(false, true)) {
          // The first handling of the same command completes after the repeat's look-up.
          firstResult.add(first.handle(new Subscribe("ann", "math"), id));
        }
        return store.read(query, afterPosition, maxCount);
      }

      @Override
      public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
        return store.appendTagged(stream, events, condition);
      }

      @Override
      public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
        return store.appendTagged(stream, events);
      }

      @Override
      public Optional<RecordedEvent> readEvent(UUID eventId) {
        return store.readEvent(eventId);
      }
    };
    DecisionHandler<?, Subscribe, ?> repeat = new DecisionHandler<>(interleaved, DecisionHandlerTest.CODEC,
        new OneCourseEach());
    CommandResult answered = repeat.handle(new Subscribe("ann", "math"), id);
    assertInstanceOf(CommandResult.Accepted.class, answered, "answered, not refused");
    assertEquals(firstResult.get(0), answered);
    assertEquals(1, store.readAll(0, 10).size());
  }

  /** The same command after a deploy that moved its class to another package (here: another outer class). */
  static final class Moved {
    record Subscribe(String student, String course) implements dev.eventsmith.runtime.Command {
      @Override
      public StreamId streamId() {
        return StreamId.of("Course", course);
      }

      DecisionHandlerTest.Subscribe before() {
        return new DecisionHandlerTest.Subscribe(student, course);
      }
    }

    /** {@link Subscriptions}, taking the moved command. */
    static final class Rules implements CrossStreamDecider<Counts, Subscribe, Subscribed> {
      private final Subscriptions rules = new Subscriptions();

      @Override
      public EventQuery query(Subscribe command) {
        return rules.query(command.before());
      }

      @Override
      public Counts initialState(Subscribe command) {
        return rules.initialState(command.before());
      }

      @Override
      public Counts evolve(Counts state, Event event) {
        return rules.evolve(state, event);
      }

      @Override
      public Decision<Subscribed, Rejection> decide(Subscribe command, Counts state) {
        return rules.decide(command.before(), state);
      }

      @Override
      public Set<String> tagsOf(Subscribed event) {
        return rules.tagsOf(event);
      }
    }
  }

  @Test
  void aRepeatAfterTheCommandsPackageMovedIsAnsweredNotDoneAgain() {
    CommandResult first = new DecisionHandler<>(store, DecisionHandlerTest.CODEC, new Subscriptions())
        .handle(new Subscribe("ann", "math"), id);

    CommandResult repeat = new DecisionHandler<>(store, DecisionHandlerTest.CODEC, new Moved.Rules())
        .handle(new Moved.Subscribe("ann", "math"), id);

    assertEquals(first, repeat, "answered with what the first handling recorded");
    assertEquals(1, store.readAll(0, 100).size(), "recorded once");
  }
}
