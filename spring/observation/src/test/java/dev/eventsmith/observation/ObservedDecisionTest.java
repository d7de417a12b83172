package dev.eventsmith.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Commands decided across streams seen by observers as aggregate commands are: command, decision, append. */
class ObservedDecisionTest {

  private final InMemoryTaggedEventStore store = new InMemoryTaggedEventStore();
  private final List<String> seen = new ArrayList<>();
  private final RuntimeObserver both =
      RuntimeObserver.all(List.of(new RecordingObserver("outer", seen), new RecordingObserver("inner", seen)));

  private CommandBus bus(TaggedEventStore events) {
    return new CommandBus()
        .registerDecision(Tally.Count.class, new DecisionHandler<>(new ObservedTaggedEventStore(events, both),
            Tally.CODEC, new ObservedDecision<>("Tally", new Tally.Shared(), both))::handle)
        .intercept(both);
  }

  @Test
  void eachDecidedCommandItsDecisionAndItsAppendAreSeenInOrder() {
    assertInstanceOf(CommandResult.Accepted.class, bus(store).dispatch(new Tally.Count("a", 4)));
    assertEquals(List.of("outer: command Count", "inner: command Count", "outer: decide Tally", "inner: decide Tally",
        "outer: append 1 to Tally-a", "inner: append 1 to Tally-a", "inner: appended", "outer: appended",
        "inner: Accepted", "outer: Accepted"), seen);
  }

  @Test
  void aRejectedDecisionAppendsNothing() {
    assertInstanceOf(CommandResult.Rejected.class, bus(store).dispatch(new Tally.Count("a", 11)));
    assertFalse(seen.stream().anyMatch(line -> line.contains("append")), seen.toString());
    assertTrue(seen.contains("outer: Rejected"), seen.toString());
  }

  @Test
  void aFailedConditionIsSeenFailingAndTheCommandIsDecidedAgain() {
    AtomicInteger appends = new AtomicInteger();
    TaggedEventStore racing = new TaggedEventStore() {
      @Override
      public List<RecordedEvent> read(EventQuery query, long afterPosition, int maxCount) {
        return store.read(query, afterPosition, maxCount);
      }

      @Override
      public AppendResult appendTagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
        if (appends.getAndIncrement() == 0) {
          // Another decision on the same tally gets in first.
          store.appendTagged(stream, List.of(new TaggedEvent(new NewEvent(UUID.randomUUID(), "Counted", 1,
              "{\"id\":\"a\",\"by\":1}".getBytes(StandardCharsets.UTF_8), Map.of()), Set.of("tally:a"))));
        }
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
    assertInstanceOf(CommandResult.Accepted.class, bus(racing).dispatch(new Tally.Count("a", 2)));
    assertEquals(List.of("inner: failed AppendConditionFailedException", "inner: appended"),
        seen.stream().filter(line -> line.startsWith("inner: failed") || line.equals("inner: appended")).toList());
    assertEquals(2, seen.stream().filter(line -> line.equals("inner: decide Tally")).count());
  }
}
