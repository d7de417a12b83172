package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.fixture.CartSummary;
import dev.eventsmith.runtime.fixture.CartSummaryProjection;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveProjectionTest {

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  /** Long enough that only a wake-up, never a poll, can explain a prompt update. */
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryViewStore<UUID, CartSummary> views = new InMemoryViewStore<>();
  private final ProjectionRunner<UUID, CartSummary> runner =
      new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), views);

  private long record(CartEvent event) {
    EncodedEvent e = CartCodec.INSTANCE.encode(event);
    return store.append(event.streamId(), ExpectedVersion.any(),
        List.of(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()))).lastPosition();
  }

  @Test
  void catches_up_then_follows_new_events() throws Exception {
    record(new CartCreated(A, "ann"));
    record(new ItemAdded(A, "X", BigDecimal.ONE, 1));

    try (LiveProjection live = LiveProjection.start("summaries", runner, Duration.ofMillis(10))) {
      assertTrue(live.awaitCheckpoint(2, PATIENCE));
      assertEquals(1, views.find(A).orElseThrow().items());

      long last = record(new ItemAdded(A, "Y", BigDecimal.TEN, 2));
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
      assertEquals(new CartSummary(A, "ann", 3, new BigDecimal("21")), views.find(A).orElseThrow());
      assertTrue(live.isRunning());
    }
  }

  @Test
  void resumes_from_the_stored_checkpoint_after_a_restart() throws Exception {
    record(new CartCreated(A, "ann"));
    try (LiveProjection live = LiveProjection.start("summaries", runner, Duration.ofMillis(10))) {
      assertTrue(live.awaitCheckpoint(1, PATIENCE));
    }
    long last = record(new ItemAdded(A, "X", BigDecimal.ONE, 1));

    try (LiveProjection live = LiveProjection.start("summaries", runner, Duration.ofMillis(10))) {
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
    }
    assertEquals(1, views.find(A).orElseThrow().items(), "each event applied once across the two runs");
  }

  @Test
  void an_append_signal_wakes_it_before_the_next_poll() throws Exception {
    ManualSignal signal = new ManualSignal();
    try (LiveProjection live = LiveProjection.start("summaries", runner, NEVER, signal)) {
      assertTrue(live.awaitCheckpoint(0, PATIENCE));
      long position = record(new CartCreated(A, "ann"));

      signal.fire();

      assertTrue(live.awaitCheckpoint(position, PATIENCE), "woken by the signal, with an hour to the next poll");
      assertEquals("ann", views.find(A).orElseThrow().customer());
    }
    assertTrue(signal.listeners.isEmpty(), "closing the projection stops its wake-ups");
  }

  @Test
  void a_failure_stops_it_and_is_reported_not_swallowed() throws Exception {
    record(new CartCreated(A, "ann"));
    store.append(StreamId.of("Cart", A), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), "ItemAdded", 2,
        "{\"broken\":true}".getBytes(StandardCharsets.UTF_8), Map.of())));

    try (LiveProjection live = LiveProjection.start("summaries", runner.withPageSize(1), Duration.ofMillis(10))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> live.awaitCheckpoint(2, PATIENCE));

      assertTrue(e.getMessage().startsWith("the projection summaries stopped at position 1: cannot decode the ItemAdded"),
          e.getMessage());
      assertInstanceOf(EventStoreException.class, live.failure().orElseThrow());
      live.close(); // joins the thread, so isRunning below is not a race
      assertFalse(live.isRunning());
      assertEquals(1, views.checkpoint().position(), "the good page before the bad event was kept");
    }
  }

  @Test
  void await_answers_false_when_the_log_never_gets_there() throws Exception {
    try (LiveProjection live = LiveProjection.start("summaries", runner, Duration.ofMillis(10))) {
      assertFalse(live.awaitCheckpoint(5, Duration.ofMillis(50)));
    }
  }

  @Test
  void the_poll_interval_must_be_positive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveProjection.start("summaries", runner, Duration.ZERO));
    assertEquals("the poll interval must be positive: PT0S", e.getMessage());
  }

  /** An append signal the test fires by hand. */
  private static final class ManualSignal implements AppendSignal {
    final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Registration onAppend(Runnable wakeUp) {
      listeners.add(wakeUp);
      return () -> listeners.remove(wakeUp);
    }

    void fire() {
      listeners.forEach(Runnable::run);
    }
  }
}
