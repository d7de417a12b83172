package dev.eventsmith.runtime.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.UnknownEventTypeException;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.fixture.CartSummary;
import dev.eventsmith.runtime.fixture.CartSummaryProjection;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SegmentRunnerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final List<UUID> carts = new ArrayList<>();

  private long record(CartEvent event) {
    EncodedEvent e = CartCodec.INSTANCE.encode(event);
    return store.append(event.streamId(), ExpectedVersion.any(),
        List.of(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of()))).lastPosition();
  }

  private long shop(int cartCount, int itemsEach) {
    long last = 0;
    for (int c = 0; c < cartCount; c++) {
      UUID cart = new UUID(7, carts.size());
      carts.add(cart);
      last = record(new CartCreated(cart, "customer-" + c));
    }
    for (int i = 0; i < itemsEach; i++) {
      for (UUID cart : carts) {
        last = record(new ItemAdded(cart, "SKU-" + i, BigDecimal.valueOf(i + 1), 1 + i % 3));
      }
    }
    return last;
  }

  /** The view as one unsplit runner builds it. */
  private Map<UUID, CartSummary> expected() {
    InMemoryViewStore<UUID, CartSummary> whole = new InMemoryViewStore<>();
    new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), whole)
        .skippingTypes(List.of("SomethingNew")).catchUp();
    return whole.all();
  }

  private SegmentRunner<Map<UUID, CartSummary>> runner(SegmentedViewStore<UUID, CartSummary> view) {
    return SegmentedProjection.of(store, CartCodec.INSTANCE, new CartSummaryProjection(), view).withPageSize(5)
        .runner();
  }

  @Test
  void instances_holding_different_segments_together_build_the_view_one_runner_builds() {
    shop(12, 4);
    SplitView view = new SplitView(Segment.evenly(4));
    List<Lease> x = List.of(view.claim(0), view.claim(1));
    List<Lease> y = List.of(view.claim(2), view.claim(3));

    assertEquals(x, runner(view).catchUp(x));
    assertFalse(view.all().isEmpty(), "x applied its share");
    assertTrue(view.all().size() < carts.size(), "and only its share");
    assertEquals(y, runner(view).catchUp(y));

    assertEquals(expected(), view.all());
    shop(3, 2);
    runner(view).catchUp(y);
    runner(view).catchUp(x);
    assertEquals(expected(), view.all());
  }

  @Test
  void a_segment_claimed_by_another_instance_is_dropped_and_the_page_worked_again_for_the_others() {
    shop(10, 3);
    SplitView view = new SplitView(Segment.evenly(4));
    List<Lease> x = List.of(view.claim(0), view.claim(1), view.claim(2), view.claim(3));
    Lease[] taken = new Lease[1];
    view.beforeCommit = () -> taken[0] = view.claim(2);

    List<Lease> still = runner(view).catchUp(x);

    assertEquals(List.of(x.get(0), x.get(1), x.get(3)), still);
    runner(view).catchUp(List.of(taken[0]));
    assertEquals(expected(), view.all(), "the events of segment 2's keys counted once, by the new holder");
  }

  @Test
  void a_segment_whose_checkpoint_moved_under_the_runner_is_read_again() {
    shop(6, 3);
    SplitView view = new SplitView(Segment.evenly(2));
    List<Lease> held = List.of(view.claim(0), view.claim(1));
    view.beforeCommit = view::reset;

    assertEquals(held, runner(view).catchUp(held));

    assertEquals(expected(), view.all(), "the reset view was built again from the start");
  }

  @Test
  void an_unknown_type_stops_an_instance_even_if_the_event_is_in_a_segment_it_does_not_hold() {
    shop(2, 1);
    store.append(StreamId.of("Other", "1"), ExpectedVersion.any(),
        List.of(new NewEvent(UUID.randomUUID(), "SomethingNew", 1, new byte[0], Map.of())));
    SplitView view = new SplitView(Segment.evenly(2));

    assertThrows(UnknownEventTypeException.class, () -> runner(view).catchUp(List.of(view.claim(0))));
    SegmentRunner<Map<UUID, CartSummary>> skipping = SegmentedProjection.of(store, CartCodec.INSTANCE,
        new CartSummaryProjection(), view).skippingTypes(List.of("SomethingNew")).runner();
    skipping.catchUp(List.of(view.claim(0), view.claim(1)));
    assertEquals(expected(), view.all());
  }

  @Test
  void unsplit_in_memory_it_builds_what_the_projection_runner_builds_and_resumes_at_its_checkpoint()
      throws Exception {
    shop(5, 2);
    InMemoryViewStore<UUID, CartSummary> rows = new InMemoryViewStore<>();
    SegmentedViewStore<UUID, CartSummary> view = SegmentedViewStore.whole("cart_summary", rows);
    long last;
    try (LiveSegments live = SegmentedProjection.of(store, CartCodec.INSTANCE, new CartSummaryProjection(), view)
        .start(SegmentLeases.sole(), Duration.ofMillis(5))) {
      assertTrue(live.awaitCheckpoint(store.readAll(0, Integer.MAX_VALUE).size(), PATIENCE));
      last = shop(2, 1);
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
      assertEquals(List.of(new Lease(Segment.WHOLE, 0)), live.held());
    }
    assertEquals(expected(), rows.all());
    assertEquals(last, rows.checkpoint().position());
    assertEquals(List.of(new Lease(Segment.WHOLE, 0)), runner(view).catchUp(SegmentLeases.sole().maintain()));
    assertEquals(expected(), rows.all(), "nothing applied twice");
    assertThrows(IllegalArgumentException.class, () -> view.checkpoints(List.of(new Lease(new Segment(0, 2), 1))));
  }

  @Test
  void a_live_instance_retries_an_unavailable_store_stops_on_a_fault_says_why_and_hands_its_segments_back()
      throws Exception {
    long last = shop(3, 2);
    AtomicInteger outages = new AtomicInteger(3);
    DelegatingEventStore flaky = new DelegatingEventStore(store) {
      @Override
      public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
        if (outages.getAndDecrement() > 0) {
          throw new StoreUnavailableException("the database restarts", null);
        }
        return super.readAll(afterPosition, maxCount);
      }
    };
    CountingLeases leases = new CountingLeases();
    InMemoryViewStore<UUID, CartSummary> rows = new InMemoryViewStore<>();
    SegmentedViewStore<UUID, CartSummary> view = SegmentedViewStore.whole("cart_summary", rows);
    try (LiveSegments live = SegmentedProjection.of(flaky, CartCodec.INSTANCE, new CartSummaryProjection(), view)
        .start(leases, Duration.ofMillis(5))) {
      assertTrue(live.awaitCheckpoint(last, PATIENCE));
      assertEquals(3, live.failures());
      assertInstanceOf(StoreUnavailableException.class, live.lastFailure().orElseThrow());
    }
    assertEquals(1, leases.released.get(), "closing hands the segments back");
    assertEquals(expected(), rows.all());

    record(new ItemAdded(carts.get(0), "BROKEN", BigDecimal.ONE, 1));
    CartSummaryProjection summaries = new CartSummaryProjection();
    Projector<UUID, CartSummary> breaking = new Projector<>() {
      @Override
      public CartSummary initial(UUID key) {
        return summaries.initial(key);
      }

      @Override
      public Optional<UUID> keyOf(Event event) {
        return summaries.keyOf(event);
      }

      @Override
      public CartSummary project(CartSummary row, Event event) {
        if (event instanceof ItemAdded added && added.sku().equals("BROKEN")) {
          throw new IllegalArgumentException("no broken items");
        }
        return summaries.project(row, event);
      }
    };
    CountingLeases failing = new CountingLeases();
    LiveSegments live = SegmentedProjection.of(store, CartCodec.INSTANCE, breaking, view)
        .start(failing, Duration.ofMillis(5));
    IllegalStateException stopped = assertThrows(IllegalStateException.class,
        () -> live.awaitCheckpoint(Long.MAX_VALUE, PATIENCE));
    live.close();
    assertTrue(stopped.getCause().getMessage().contains(".project failed on the ItemAdded event at Cart-"),
        stopped.getCause().getMessage());
    assertEquals(List.of(stopped.getCause()), failing.errors, "the failure was recorded for the status table");
    assertFalse(live.isRunning());
    assertEquals(0, failing.released.get(), "a failed instance keeps its leases until they expire");
  }

  /** The whole segment, counting hand-backs and recording errors. */
  private static final class CountingLeases implements SegmentLeases {
    final AtomicInteger released = new AtomicInteger();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public String owner() {
      return "test";
    }

    @Override
    public List<Lease> maintain() {
      return List.of(new Lease(Segment.WHOLE, 0));
    }

    @Override
    public List<Lease> renew() {
      return maintain();
    }

    @Override
    public Duration renewInterval() {
      return Duration.ofMillis(20);
    }

    @Override
    public void recordError(List<Lease> held, Throwable error) {
      assertEquals(List.of(new Lease(Segment.WHOLE, 0)), held);
      errors.add(error);
    }

    @Override
    public void release() {
      released.incrementAndGet();
    }
  }

  /** A view split into segments in memory, with a token per segment that changes at every claim. */
  private static final class SplitView implements SegmentedViewStore<UUID, CartSummary> {
    private final Map<UUID, CartSummary> rows = new LinkedHashMap<>();
    private final Map<Integer, Checkpoint> checkpoints = new HashMap<>();
    private final Map<Integer, Long> tokens = new HashMap<>();
    private final Map<Integer, Segment> layout = new HashMap<>();
    private long nextToken = 1;
    Runnable beforeCommit = () -> { };

    SplitView(List<Segment> segments) {
      segments.forEach(s -> {
        layout.put(s.index(), s);
        checkpoints.put(s.index(), Checkpoint.START);
        tokens.put(s.index(), 0L);
      });
    }

    synchronized Lease claim(int index) {
      tokens.put(index, nextToken);
      return new Lease(layout.get(index), nextToken++);
    }

    synchronized void reset() {
      rows.clear();
      checkpoints.replaceAll((index, checkpoint) -> checkpoint.restarted());
    }

    @Override
    public String name() {
      return "view:cart_summary";
    }

    @Override
    public synchronized Optional<CartSummary> find(UUID key) {
      return Optional.ofNullable(rows.get(key));
    }

    @Override
    public synchronized Map<UUID, CartSummary> all() {
      return new HashMap<>(rows);
    }

    @Override
    public String keyText(UUID key) {
      return key.toString();
    }

    @Override
    public synchronized List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
      List<SegmentCheckpoint> at = new ArrayList<>();
      for (Lease lease : leases) {
        check(lease);
        at.add(SegmentCheckpoint.at(lease.segment(), checkpoints.get(lease.segment().index())));
      }
      return at;
    }

    @Override
    public List<SegmentCheckpoint> commit(List<SegmentPage<Map<UUID, CartSummary>>> pages, long newPosition) {
      Runnable meanwhile = beforeCommit;
      beforeCommit = () -> { };
      meanwhile.run();
      synchronized (this) {
        List<SegmentCheckpoint> moved = new ArrayList<>();
        for (SegmentPage<Map<UUID, CartSummary>> page : pages) {
          check(page.lease());
          Checkpoint actual = checkpoints.get(page.lease().segment().index());
          if (!actual.equals(page.from().checkpoint())) {
            throw new CheckpointConflictException(name(), page.from().checkpoint(), actual);
          }
          page.effects().keySet().forEach(key -> assertTrue(page.lease().segment().contains(keyText(key)),
              () -> key + " is not a key of " + page.lease()));
        }
        for (SegmentPage<Map<UUID, CartSummary>> page : pages) {
          Checkpoint next = page.from().checkpoint().advancedTo(newPosition);
          checkpoints.put(page.lease().segment().index(), next);
          rows.putAll(page.effects());
          moved.add(page.from().advancedTo(next));
        }
        return moved;
      }
    }

    private void check(Lease lease) {
      if (tokens.get(lease.segment().index()) != lease.token()) {
        throw new LeaseLostException(name(), lease);
      }
    }
  }
}
