package dev.eventsmith.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.observation.AppliedPage;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decision;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TracingObserverTest {

  record RedeemCard(String id) implements Command {
    @Override
    public StreamId streamId() {
      return StreamId.of("GiftCard", id);
    }
  }

  record InsufficientBalance(int balance) implements Rejection {}

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final TracingObserver tracing = new TracingObserver(otel);
  private final StreamId card = StreamId.of("GiftCard", "7");

  private SpanData span(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
  }

  /** Handles a command as the runtime does: decide, then append events that carry the metadata given. */
  private List<RecordedEvent> handle(Map<String, String> metadata) {
    Decision<?, ?> decision = tracing.decide("GiftCard", new RedeemCard("7"), () -> Decision.accept("CardRedeemed"));
    assertTrue(decision instanceof Decision.Accepted<?, ?>);
    tracing.append(card, List.of(), () -> new AppendResult(card, 2, 41, 41));
    return List.of(new RecordedEvent(card, 2, 41, UUID.randomUUID(), "CardRedeemed", 1, new byte[0], metadata,
        Instant.EPOCH));
  }

  @Test
  void aCommandsSpanHoldsItsDecisionAndAppendAndTheProjectionLinksToIt() {
    Span request = otel.getTracer("test").spanBuilder("POST /commands/RedeemCard").startSpan();
    List<RecordedEvent> recorded = new ArrayList<>();
    try (Scope scope = request.makeCurrent()) {
      tracing.intercept(new RedeemCard("7"), Map.of("commandId", "c-1"), metadata -> {
        assertEquals("c-1", metadata.get("commandId"));
        assertTrue(metadata.containsKey("traceparent"), metadata.toString());
        recorded.addAll(handle(metadata));
        return new CommandResult.Accepted(card, List.of(), 2, 41);
      });
    } finally {
      request.end();
    }
    Instant readAt = Instant.parse("2026-03-01T10:00:00Z");
    tracing.applied(new AppliedPage("CardBalance", recorded, readAt, Duration.ofMillis(30)));

    SpanData command = span("command RedeemCard");
    assertEquals(request.getSpanContext().getSpanId(), command.getParentSpanId());
    assertEquals("accepted", command.getAttributes().get(TracingObserver.OUTCOME));
    assertEquals("GiftCard-7", command.getAttributes().get(TracingObserver.STREAM));
    assertEquals(command.getSpanId(), span("decide RedeemCard").getParentSpanId());
    SpanData append = span("append GiftCard");
    assertEquals(command.getSpanId(), append.getParentSpanId());
    assertEquals(41L, append.getAttributes().get(TracingObserver.LAST_POSITION));

    SpanData projection = span("project CardBalance");
    assertFalse(projection.getParentSpanContext().isValid(), "a page is a trace of its own");
    assertEquals(List.of(command.getSpanContext().getSpanId()),
        projection.getLinks().stream().map(link -> link.getSpanContext().getSpanId()).toList());
    assertEquals(command.getTraceId(), projection.getLinks().get(0).getSpanContext().getTraceId());
    assertEquals(TimeUnit.SECONDS.toNanos(readAt.getEpochSecond()), projection.getStartEpochNanos());
    assertEquals(30, TimeUnit.NANOSECONDS.toMillis(projection.getEndEpochNanos() - projection.getStartEpochNanos()));
    assertEquals(41L, projection.getAttributes().get(TracingObserver.FIRST_POSITION));
  }

  @Test
  void aRejectionIsAnOutcomeNotAnError() {
    tracing.intercept(new RedeemCard("7"), Map.of(), m -> new CommandResult.Rejected(card, new InsufficientBalance(3)));
    SpanData command = span("command RedeemCard");
    assertEquals("rejected", command.getAttributes().get(TracingObserver.OUTCOME));
    assertEquals("InsufficientBalance", command.getAttributes().get(TracingObserver.REJECTION));
    assertEquals(StatusCode.UNSET, command.getStatus().getStatusCode());
  }

  @Test
  void aFailedCommandIsMarkedAsAnErrorAndItsExceptionLetThrough() {
    assertThrows(WrongExpectedVersionException.class, () -> tracing.intercept(new RedeemCard("7"), Map.of(), m -> {
      throw new WrongExpectedVersionException(card, ExpectedVersion.exactly(1), 2);
    }));
    SpanData command = span("command RedeemCard");
    assertEquals("conflict", command.getAttributes().get(TracingObserver.OUTCOME));
    assertEquals(StatusCode.ERROR, command.getStatus().getStatusCode());
  }

  @Test
  void aConflictingAppendIsRecordedButNotAnError() {
    assertThrows(WrongExpectedVersionException.class, () -> tracing.append(card, List.of(), () -> {
      throw new WrongExpectedVersionException(card, ExpectedVersion.exactly(1), 2);
    }));
    SpanData append = span("append GiftCard");
    assertEquals("conflict", append.getAttributes().get(TracingObserver.OUTCOME));
    assertEquals(StatusCode.UNSET, append.getStatus().getStatusCode());
    assertEquals(1, append.getEvents().size());
  }

  @Test
  void aDecisionsFailedConditionIsAConflictOfItsAppendAndOfItsCommand() {
    AppendConditionFailedException lost = new AppendConditionFailedException(
        new AppendCondition(EventQuery.of(QueryItem.of(Set.of(), "card:7")), 3));
    assertThrows(AppendConditionFailedException.class, () -> tracing.append(card, List.of(), () -> {
      throw lost;
    }));
    SpanData append = span("append GiftCard");
    assertEquals("conflict", append.getAttributes().get(TracingObserver.OUTCOME));
    assertEquals(StatusCode.UNSET, append.getStatus().getStatusCode());
    assertThrows(AppendConditionFailedException.class, () -> tracing.intercept(new RedeemCard("7"), Map.of(), m -> {
      throw lost;
    }));
    assertEquals("conflict", span("command RedeemCard").getAttributes().get(TracingObserver.OUTCOME));
  }

  @Test
  void aPageLinksEachCommandOnceAndAtMostAHundredAndTwentyEightOfThem() {
    AtomicReference<Map<String, String>> carried = new AtomicReference<>();
    tracing.intercept(new RedeemCard("7"), Map.of(), m -> {
      carried.set(m);
      return new CommandResult.Accepted(card, List.of(), 1, 1);
    });
    List<RecordedEvent> page = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      page.add(new RecordedEvent(card, i + 1, i + 1, UUID.randomUUID(), "CardRedeemed", 1, new byte[0], carried.get(),
          Instant.EPOCH));
    }
    page.add(new RecordedEvent(card, 4, 4, UUID.randomUUID(), "CardRedeemed", 1, new byte[0],
        Map.of("traceparent", "not a trace"), Instant.EPOCH));
    for (int i = 0; i < 200; i++) {
      String trace = String.format("00-%032x-%016x-01", i + 1, i + 1);
      page.add(new RecordedEvent(card, i + 5, i + 5, UUID.randomUUID(), "CardRedeemed", 1, new byte[0],
          Map.of("traceparent", trace), Instant.EPOCH));
    }
    tracing.applied(new AppliedPage("CardBalance", page.subList(0, 4), Instant.EPOCH, Duration.ZERO));
    assertEquals(1, span("project CardBalance").getLinks().size());
    spans.reset();
    tracing.applied(new AppliedPage("CardBalance", page, Instant.EPOCH, Duration.ZERO));
    List<SpanContext> links = span("project CardBalance").getLinks().stream().map(l -> l.getSpanContext()).toList();
    assertEquals(TracingObserver.MAX_LINKS, links.size());
  }
}
