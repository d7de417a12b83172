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
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
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
  @Tag("reliability")
  void a_store_that_is_unavailable_for_a_while_is_retried_and_counted_not_fatal() throws Exception {
    record(new CartCreated(A, "ann"));
    long last = record(new ItemAdded(A, "X", BigDecimal.ONE, 2));
    FlakyStore flaky = new FlakyStore(store, 3);
    ProjectionRunner<UUID, CartSummary> onFlaky =
        new ProjectionRunner<>(flaky, CartCodec.INSTANCE, new CartSummaryProjection(), views);

    try (LiveProjection live = LiveProjection.start("summaries", onFlaky, Duration.ofMillis(10))) {
      assertTrue(live.awaitCheckpoint(last, PATIENCE), "it got there after the outages, with no restart");

      assertEquals(3, live.failures());
      assertEquals("connection lost #3", live.lastFailure().orElseThrow().getMessage());
      assertEquals(Optional.empty(), live.failure(), "an outage is not a failure that stops it");
      assertTrue(live.isRunning());
      assertEquals(new CartSummary(A, "ann", 2, new BigDecimal("2")), views.find(A).orElseThrow());
    }
  }

  @Test
  void it_starts_while_the_view_store_is_unavailable_and_catches_up_once_it_is_back() throws Exception {
    long last = record(new CartCreated(A, "ann"));
    FlakyViews flaky = new FlakyViews(views, 2);
    ProjectionRunner<UUID, CartSummary> onFlaky =
        new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), flaky);

    try (LiveProjection live = LiveProjection.start("summaries", onFlaky, Duration.ofMillis(10))) {
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
      assertEquals(1, live.failures(), "the outage at start is not a failure; the next one is counted and retried");
      assertEquals("ann", views.find(A).orElseThrow().customer());
    }
  }

  @Test
  @Tag("reliability")
  void a_projector_error_stops_it_at_once_naming_the_event_and_is_not_retried() throws Exception {
    record(new CartCreated(A, "ann"));
    Projector<UUID, CartSummary> buggy = hooked(event -> {
      throw new StackOverflowError();
    });
    ProjectionRunner<UUID, CartSummary> broken = new ProjectionRunner<>(store, CartCodec.INSTANCE, buggy, views);

    try (LiveProjection live = LiveProjection.start("summaries", broken, Duration.ofMillis(10))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> live.awaitCheckpoint(1, PATIENCE));

      assertTrue(e.getMessage().contains(".project failed on the CartCreated event at Cart-" + A
          + "@1 (global position 1): java.lang.StackOverflowError"), e.getMessage());
      assertEquals(0, live.failures(), "a bug is not an outage: not retried");
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

  @Test
  void a_restart_reports_the_stored_checkpoint_at_once_while_it_catches_up() throws Exception {
    record(new CartCreated(A, "ann"));
    runner.catchUp();
    long last = record(new ItemAdded(A, "X", BigDecimal.ONE, 1));
    CountDownLatch applying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProjectionRunner<UUID, CartSummary> held = new ProjectionRunner<>(store, CartCodec.INSTANCE, hooked(event -> {
      applying.countDown();
      awaitQuietly(release);
    }), views);

    try (LiveProjection live = LiveProjection.start("summaries", held, Duration.ofMillis(10))) {
      assertTrue(applying.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      assertEquals(1, live.checkpoint(), "what the view had applied before this run, not 0");
      release.countDown();
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
      assertEquals(last, live.checkpoint());
    } finally {
      release.countDown();
    }
  }

  @Test
  void closing_from_its_own_projector_stops_it_after_the_page_being_applied() throws Exception {
    record(new CartCreated(A, "ann"));
    record(new ItemAdded(A, "X", BigDecimal.ONE, 1));
    record(new ItemAdded(A, "Y", BigDecimal.ONE, 1));
    AtomicReference<LiveProjection> self = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    ProjectionRunner<UUID, CartSummary> closing = new ProjectionRunner<>(store, CartCodec.INSTANCE, hooked(event -> {
      awaitQuietly(started);
      self.get().close();
    }), views).withPageSize(1);

    LiveProjection live = LiveProjection.start("summaries", closing, Duration.ofMillis(10));
    self.set(live);
    started.countDown();
    joinThreadOf("summaries");

    assertFalse(live.isRunning());
    assertEquals(1, views.checkpoint().position(), "the first page was applied, and no more");
    assertEquals(1, live.checkpoint());
    assertEquals(Optional.empty(), live.failure());
  }

  @Test
  void a_projection_that_stopped_on_a_failure_stops_its_wake_ups_without_a_close() throws Exception {
    store.append(StreamId.of("Cart", A), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), "ItemAdded", 2,
        "{\"broken\":true}".getBytes(StandardCharsets.UTF_8), Map.of())));
    ManualSignal signal = new ManualSignal();

    LiveProjection live = LiveProjection.start("broken summaries", runner, NEVER, signal);
    assertThrows(IllegalStateException.class, () -> live.awaitCheckpoint(1, PATIENCE));
    joinThreadOf("broken summaries");

    assertTrue(signal.listeners.isEmpty(), "a stopped projection is not woken any more");
    assertEquals(0, live.checkpoint());
  }

  @Test
  void close_waits_for_its_thread_and_that_thread_never_keeps_the_jvm_alive() throws Exception {
    LiveProjection live = LiveProjection.start("daemon check", runner, NEVER);
    Thread thread = threadOf("daemon check");
    assertTrue(thread != null && thread.isDaemon(), "a forgotten projection does not keep the JVM from exiting");
    live.close();
    assertFalse(live.isRunning(), "close() returns once the thread has ended");
    assertFalse(thread.isAlive());
  }

  /** The cart summary projector, running {@code hook} before it projects each event, on the projection's thread. */
  private static Projector<UUID, CartSummary> hooked(Consumer<Event> hook) {
    CartSummaryProjection real = new CartSummaryProjection();
    return new Projector<>() {
      @Override
      public CartSummary initial(UUID key) {
        return real.initial(key);
      }

      @Override
      public Optional<UUID> keyOf(Event event) {
        return real.keyOf(event);
      }

      @Override
      public CartSummary project(CartSummary view, Event event) {
        hook.accept(event);
        return real.project(view, event);
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread threadOf(String projection) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("eventsmith-projection " + projection)).findFirst().orElse(null);
  }

  private static void joinThreadOf(String projection) throws InterruptedException {
    Thread thread = threadOf(projection);
    if (thread != null) {
      thread.join(PATIENCE.toMillis());
      assertFalse(thread.isAlive(), "the projection's thread ended");
    }
  }

  /** A store whose first reads of the log fail as a lost connection does. */
  private static final class FlakyStore extends DelegatingEventStore {
    private final AtomicInteger outages;
    private final AtomicInteger seen = new AtomicInteger();

    FlakyStore(EventStore delegate, int outages) {
      super(delegate);
      this.outages = new AtomicInteger(outages);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      if (outages.getAndDecrement() > 0) {
        throw new StoreUnavailableException("connection lost #" + seen.incrementAndGet(), null);
      }
      return super.readAll(afterPosition, maxCount);
    }
  }

  /** A view store whose first checkpoint reads fail as a restarting database does. */
  private static final class FlakyViews implements ViewStore<UUID, CartSummary> {
    private final ViewStore<UUID, CartSummary> delegate;
    private final AtomicInteger outages;

    FlakyViews(ViewStore<UUID, CartSummary> delegate, int outages) {
      this.delegate = delegate;
      this.outages = new AtomicInteger(outages);
    }

    @Override
    public Checkpoint checkpoint() {
      if (outages.getAndDecrement() > 0) {
        throw new StoreUnavailableException("database restarting", null);
      }
      return delegate.checkpoint();
    }

    @Override
    public Optional<CartSummary> find(UUID key) {
      return delegate.find(key);
    }

    @Override
    public Map<UUID, CartSummary> all() {
      return delegate.all();
    }

    @Override
    public Checkpoint apply(Map<UUID, CartSummary> changedRows, Checkpoint expected, long newPosition) {
      return delegate.apply(changedRows, expected, newPosition);
    }

    @Override
    public void reset() {
      delegate.reset();
    }
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
