package dev.eventsmith.runtime.dcb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The decision loop across streams: read by query, fold, decide, append under the condition, retry. */
class DecisionHandlerTest {

  record Subscribe(String student, String course) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("Course", course);
    }
  }

  record Subscribed(String student, String course) implements Event {
    @Override
    public StreamId streamId() {
      return StreamId.of("Course", course);
    }
  }

  record Full(long seats) implements Rejection {}

  record Counts(Subscribe command, long seats, long courses) {}

  static final EventCodec CODEC = new EventCodec() {
    @Override
    public EncodedEvent encode(Event event) {
      Subscribed s = (Subscribed) event;
      return new EncodedEvent("Subscribed", 1, (s.student() + "|" + s.course()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Event decode(String type, int schemaVersion, byte[] data) {
      String[] parts = new String(data, StandardCharsets.UTF_8).split("\\|");
      return new Subscribed(parts[0], parts[1]);
    }

    @Override
    public Set<String> types() {
      return Set.of("Subscribed");
    }
  };

  /** A course takes 3 students; a student takes 2 courses. */
  static final class Subscriptions implements CrossStreamDecider<Counts, Subscribe, Subscribed> {
    @Override
    public EventQuery query(Subscribe command) {
      return EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:" + command.course()),
          QueryItem.of(Set.of("Subscribed"), "student:" + command.student()));
    }

    @Override
    public Counts initialState(Subscribe command) {
      return new Counts(command, 0, 0);
    }

    @Override
    public Counts evolve(Counts state, Event event) {
      Subscribed s = (Subscribed) event;
      Subscribe command = state.command();
      return new Counts(command, state.seats() + (s.course().equals(command.course()) ? 1 : 0),
          state.courses() + (s.student().equals(command.student()) ? 1 : 0));
    }

    @Override
    public Decision<Subscribed, Rejection> decide(Subscribe command, Counts state) {
      if (state.seats() >= 3 || state.courses() >= 2) {
        return Decision.reject(new Full(state.seats()));
      }
      return Decision.accept(new Subscribed(command.student(), command.course()));
    }

    @Override
    public Set<String> tagsOf(Subscribed event) {
      return Set.of("course:" + event.course(), "student:" + event.student());
    }
  }

  private final InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
  private final DecisionHandler<Counts, Subscribe, Subscribed> handler =
      new DecisionHandler<>(store, CODEC, new Subscriptions());

  @Test
  void decidesOnTheEventsOfEveryStreamTheQueryNames() {
    assertInstanceOf(CommandResult.Accepted.class, handler.handle(new Subscribe("ann", "math")));
    assertInstanceOf(CommandResult.Accepted.class, handler.handle(new Subscribe("ann", "art")));
    CommandResult third = handler.handle(new Subscribe("ann", "music"));

    assertEquals(new Full(0), assertInstanceOf(CommandResult.Rejected.class, third).rejection());
    assertEquals(1, store.streamVersion(StreamId.of("Course", "math")), "events go to their own stream");
  }

  @Test
  void aRepeatedCommandIdIsAnsweredWithTheFirstHandlingsEvents() {
    Map<String, String> once = Map.of(CommandHandler.COMMAND_ID, "c-1");
    CommandResult first = handler.handle(new Subscribe("ann", "math"), once);
    CommandResult again = handler.handle(new Subscribe("ann", "math"), once);

    assertEquals(first, again);
    assertEquals(1, store.read(EventQuery.of(QueryItem.of(Set.of(), "student:ann")), 0, 10).size());
  }

  @Test
  void racingDecisionsRetryOnConflictsAndKeepBothLimits() throws Exception {
    int threads = 12;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<CommandResult>> results = new ArrayList<>();
    List<CommandResult> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Subscribe command = new Subscribe("s" + (i % 4), "c" + (i % 3));
        results.add(pool.submit(() -> {
          start.await();
          return handler.handle(command);
        }));
      }
      for (Future<CommandResult> result : results) {
        outcomes.add(result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    for (int course = 0; course < 3; course++) {
      assertTrue(store.read(EventQuery.of(QueryItem.of(Set.of(), "course:c" + course)), 0, 99).size() <= 3);
    }
    for (int student = 0; student < 4; student++) {
      assertTrue(store.read(EventQuery.of(QueryItem.of(Set.of(), "student:s" + student)), 0, 99).size() <= 2);
    }
    long accepted = outcomes.stream().filter(r -> r instanceof CommandResult.Accepted).count();
    assertEquals(accepted, store.readAll(0, 99).size(), "every acceptance appended, no other");
  }

  @Test
  void aDecisionThatFailsItsConditionEveryTimeGivesUp() {
    DecisionHandler<Counts, Subscribe, Subscribed> once = handler.withMaxAttempts(1);
    TaggedEventStore interfering = new InterferingStore(store);
    DecisionHandler<Counts, Subscribe, Subscribed> raced =
        new DecisionHandler<>(interfering, CODEC, new Subscriptions()).withMaxAttempts(2);

    assertThrows(AppendConditionFailedException.class, () -> raced.handle(new Subscribe("ann", "math")));
    assertInstanceOf(CommandResult.Accepted.class, once.handle(new Subscribe("bob", "math")));
  }

  /** Appends a matching event between every read and append of a decision. */
  private record InterferingStore(InMemoryTaggedEventStore store) implements TaggedEventStore {
    @Override
    public List<dev.eventsmith.runtime.store.RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
      return store.read(query, afterPosition, maxCount);
    }

    @Override
    public dev.eventsmith.runtime.store.AppendResult appendTagged(StreamId stream, List<TaggedEvent> events,
        AppendCondition condition) {
      store.appendTagged(stream, List.of(new TaggedEvent(new dev.eventsmith.runtime.store.NewEvent(
          java.util.UUID.randomUUID(), "Subscribed", 1, "zed|math".getBytes(StandardCharsets.UTF_8), Map.of()),
          Set.of("course:math", "student:zed"))));
      return store.appendTagged(stream, events, condition);
    }

    @Override
    public dev.eventsmith.runtime.store.AppendResult appendTagged(StreamId stream, List<TaggedEvent> events) {
      return store.appendTagged(stream, events);
    }

    @Override
    public java.util.Optional<dev.eventsmith.runtime.store.RecordedEvent> readEvent(java.util.UUID eventId) {
      return store.readEvent(eventId);
    }
  }
}
