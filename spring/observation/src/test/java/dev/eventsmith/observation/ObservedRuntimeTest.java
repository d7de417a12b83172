package dev.eventsmith.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ObservedRuntimeTest {

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final List<String> seen = new ArrayList<>();
  private final RecordingObserver outer = new RecordingObserver("outer", seen);
  private final RecordingObserver inner = new RecordingObserver("inner", seen);
  private final RuntimeObserver both = RuntimeObserver.all(List.of(outer, inner));

  private CommandBus bus(EventStore events) {
    return new CommandBus()
        .register(Tally.Count.class, new CommandHandler<>(ObservedEventStore.of(events, both), Tally.CODEC,
            new ObservedDecider<>("Tally", new Tally.Logic(), both)))
        .intercept(both);
  }

  @Test
  void eachCommandItsDecisionAndItsAppendAreSeenInOrderNestedFirstObserverOutermost() {
    CommandBus bus = bus(store);
    assertInstanceOf(CommandResult.Accepted.class, bus.dispatch(new Tally.Count("a", 4)));
    assertEquals(List.of("outer: command Count", "inner: command Count", "outer: decide Tally", "inner: decide Tally",
        "outer: append 1 to Tally-a", "inner: append 1 to Tally-a", "inner: appended", "outer: appended",
        "inner: Accepted", "outer: Accepted"), seen);
  }

  @Test
  void aRejectionIsDecidedButNothingIsAppended() {
    CommandBus bus = bus(store);
    assertInstanceOf(CommandResult.Rejected.class, bus.dispatch(new Tally.Count("a", 11)));
    assertFalse(seen.stream().anyMatch(line -> line.contains("append")), seen.toString());
    assertTrue(seen.contains("outer: Rejected"), seen.toString());
  }

  @Test
  void aConflictingAppendIsSeenFailingAndTheCommandIsDecidedAgain() {
    AtomicInteger appends = new AtomicInteger();
    EventStore racing = new ForwardingStore(store) {
      @Override
      public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        if (appends.getAndIncrement() == 0) {
          // Another writer gets in first.
          store.append(stream, ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), "Counted", 1,
              "{\"id\":\"a\",\"by\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of())));
        }
        return super.append(stream, expected, events);
      }
    };
    assertInstanceOf(CommandResult.Accepted.class, bus(racing).dispatch(new Tally.Count("a", 2)));
    assertEquals(List.of("inner: failed WrongExpectedVersionException", "inner: appended"),
        seen.stream().filter(line -> line.startsWith("inner: failed") || line.equals("inner: appended")).toList());
    assertEquals(2, seen.stream().filter(line -> line.equals("inner: decide Tally")).count());
  }

  @Test
  void theWrappedStoreStillSignalsAppendsWhenTheStoreDoes() {
    List<Runnable> wakeUps = new ArrayList<>();
    class SignallingStore extends ForwardingStore implements AppendSignal {
      SignallingStore() {
        super(store);
      }

      @Override
      public Registration onAppend(Runnable wakeUp) {
        wakeUps.add(wakeUp);
        return () -> wakeUps.remove(wakeUp);
      }
    }
    EventStore observed = ObservedEventStore.of(new SignallingStore(), both);
    assertInstanceOf(AppendSignal.class, observed);
    AppendSignal.Registration registration = ((AppendSignal) observed).onAppend(() -> { });
    assertEquals(1, wakeUps.size());
    registration.close();
    assertEquals(0, wakeUps.size());
    assertFalse(ObservedEventStore.of(store, both) instanceof AppendSignal);
    ObservedProjection<String, Integer> projection =
        ObservedProjection.of("Totals", new SignallingStore(), new InMemoryViewStore<>(), both);
    assertInstanceOf(AppendSignal.class, projection.events());
  }

  @Test
  void eachPageAProjectionCommitsIsReportedWithItsEvents() {
    CommandBus bus = bus(store);
    for (int i = 0; i < 5; i++) {
      bus.dispatch(new Tally.Count("t" + (i % 2), 1));
    }
    InMemoryViewStore<String, Integer> totals = new InMemoryViewStore<>();
    ObservedProjection<String, Integer> observed = ObservedProjection.of("Totals", store, totals, both);
    ProjectionRunner<String, Integer> runner =
        new ProjectionRunner<>(observed.events(), Tally.CODEC, new Tally.Totals(), observed.rows()).withPageSize(2);
    assertEquals(5, runner.catchUp());
    assertEquals(List.of(2, 2, 1), outer.pages.stream().map(page -> page.events().size()).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L),
        outer.pages.stream().flatMap(page -> page.events().stream()).map(RecordedEvent::globalPosition).toList());
    assertEquals(Optional.of(3), totals.find("t0"));
    assertEquals(0, runner.catchUp());
    assertEquals(3, outer.pages.size());
    assertTrue(outer.pages.stream().allMatch(page -> page.view().equals("Totals") && !page.took().isNegative()));
  }

  @Test
  void aPageAnotherRunnerAppliedFirstIsNotReported() {
    bus(store).dispatch(new Tally.Count("a", 1));
    InMemoryViewStore<String, Integer> totals = new InMemoryViewStore<>();
    ViewStore<String, Integer> overtaken = new ForwardingViews(totals) {
      @Override
      public Checkpoint apply(Map<String, Integer> rows, Checkpoint expected, long newPosition) {
        totals.apply(rows, expected, newPosition);
        throw new CheckpointConflictException("the view", expected, totals.checkpoint());
      }
    };
    ObservedProjection<String, Integer> observed = ObservedProjection.of("Totals", store, overtaken, both);
    ProjectionRunner<String, Integer> runner =
        new ProjectionRunner<>(observed.events(), Tally.CODEC, new Tally.Totals(), observed.rows());
    assertEquals(0, runner.catchUp());
    assertTrue(outer.pages.isEmpty());
  }

  @Test
  void anAppendThatFailsIsSeenFailingAndThrows() {
    EventStore failing = new ForwardingStore(store) {
      @Override
      public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        throw new WrongExpectedVersionException(stream, expected, 9);
      }
    };
    assertThrows(WrongExpectedVersionException.class, () -> bus(failing).dispatch(new Tally.Count("a", 1)));
    assertTrue(seen.contains("outer: failed WrongExpectedVersionException"), seen.toString());
  }
}
