package dev.eventsmith.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.observation.AppliedPage;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MicrometerObserverTest {

  record IssueCard(String id) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("GiftCard", id);
    }
  }

  record CardAlreadyIssued() implements Rejection {}

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerObserver metrics = new MicrometerObserver(registry);
  private final StreamId card = StreamId.of("GiftCard", "1");

  private long commands(String outcome, String rejection) {
    return registry.get("eventsmith.commands").tag("command", "IssueCard").tag("outcome", outcome)
        .tag("rejection", rejection).timer().count();
  }

  @Test
  void countsAndTimesCommandsByTypeAndOutcome() {
    metrics.intercept(new IssueCard("1"), Map.of(), m -> new CommandResult.Accepted(card, List.of(), 1, 1));
    metrics.intercept(new IssueCard("1"), Map.of(), m -> new CommandResult.Accepted(card, List.of(), 2, 2));
    metrics.intercept(new IssueCard("1"), Map.of(), m -> new CommandResult.Rejected(card, new CardAlreadyIssued()));
    assertThrows(WrongExpectedVersionException.class, () -> metrics.intercept(new IssueCard("1"), Map.of(), m -> {
      throw new WrongExpectedVersionException(card, ExpectedVersion.exactly(1), 2);
    }));
    assertThrows(IllegalStateException.class, () -> metrics.intercept(new IssueCard("1"), Map.of(), m -> {
      throw new IllegalStateException("a bug");
    }));
    assertEquals(2, commands("accepted", "none"));
    assertEquals(1, commands("rejected", "CardAlreadyIssued"));
    assertEquals(1, commands("conflict", "none"));
    assertEquals(1, commands("error", "none"));
  }

  @Test
  void aDecisionsFailedConditionCountsAsAConflictOfItsAppendAndOfItsCommand() {
    AppendConditionFailedException lost = new AppendConditionFailedException(
        new AppendCondition(EventQuery.of(QueryItem.of(Set.of(), "card:1")), 3));
    assertThrows(AppendConditionFailedException.class, () -> metrics.append(card, List.of(), () -> {
      throw lost;
    }));
    assertThrows(AppendConditionFailedException.class, () -> metrics.intercept(new IssueCard("1"), Map.of(), m -> {
      throw lost;
    }));
    assertEquals(1, registry.get("eventsmith.appends").tag("aggregate", "GiftCard").tag("outcome", "conflict")
        .timer().count());
    assertEquals(1, commands("conflict", "none"));
  }

  @Test
  void timesAppendsAndCountsTheirConflicts() {
    metrics.append(card, List.of(), () -> new AppendResult(card, 1, 1, 1));
    assertThrows(WrongExpectedVersionException.class, () -> metrics.append(card, List.of(), () -> {
      throw new WrongExpectedVersionException(card, ExpectedVersion.exactly(0), 1);
    }));
    assertThrows(DuplicateEventIdException.class, () -> metrics.append(card, List.of(), () -> {
      throw new DuplicateEventIdException(card, UUID.randomUUID());
    }));
    assertEquals(1, registry.get("eventsmith.appends").tag("aggregate", "GiftCard").tag("outcome", "appended")
        .timer().count());
    assertEquals(1, registry.get("eventsmith.appends").tag("outcome", "conflict").timer().count());
    assertEquals(1, registry.get("eventsmith.appends").tag("outcome", "duplicate").timer().count());
  }

  @Test
  void countsTheEventsAndPagesEachViewApplied() {
    RecordedEvent event = new RecordedEvent(card, 1, 1, UUID.randomUUID(), "CardIssued", 1, new byte[0], Map.of(),
        Instant.EPOCH);
    metrics.applied(new AppliedPage("CardBalance", List.of(event, event, event), Instant.EPOCH, Duration.ofMillis(4)));
    metrics.applied(new AppliedPage("CardBalance", List.of(event), Instant.EPOCH, Duration.ofMillis(2)));
    assertEquals(4, registry.get("eventsmith.projection.events").tag("view", "CardBalance").counter().count());
    assertEquals(2, registry.get("eventsmith.projection.pages").tag("view", "CardBalance").timer().count());
    assertEquals(6, registry.get("eventsmith.projection.pages").timer().totalTime(TimeUnit.MILLISECONDS));
  }

  @Test
  void readsAProjectionsLagCheckpointRetriesAndStateWhenScraped() {
    AtomicReference<Duration> lag = new AtomicReference<>(Duration.ofMillis(1500));
    AtomicLong checkpoint = new AtomicLong(17);
    AtomicLong retries = new AtomicLong(2);
    AtomicBoolean running = new AtomicBoolean(true);
    metrics.watchProjection("CardBalance", lag::get, checkpoint::get, retries::get, running::get);
    System.gc(); // the meters must not lose what they read to the collector
    assertEquals(1.5, registry.get("eventsmith.projection.lag").tag("view", "CardBalance").gauge().value());
    lag.set(Duration.ZERO);
    checkpoint.set(40);
    retries.set(3);
    running.set(false);
    assertEquals(0, registry.get("eventsmith.projection.lag").gauge().value());
    assertEquals(40, registry.get("eventsmith.projection.checkpoint").gauge().value());
    assertEquals(3, registry.get("eventsmith.projection.retries").functionCounter().count());
    assertEquals(0, registry.get("eventsmith.projection.running").gauge().value());
  }
}
