package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.fixture.CartEvent.CartSubmitted;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionRunnerTest {

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryViewStore<UUID, CartSummary> views = new InMemoryViewStore<>();
  private final ProjectionRunner<UUID, CartSummary> runner =
      new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), views);

  private void record(CartEvent... events) {
    for (CartEvent event : events) {
      EncodedEvent e = CartCodec.INSTANCE.encode(event);
      store.append(event.streamId(), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of())));
    }
  }

  private void recordRaw(StreamId stream, String type, String json) {
    store.append(stream, ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), type, 1, json.getBytes(StandardCharsets.UTF_8), Map.of())));
  }

  @Test
  void builds_rows_from_the_log_and_moves_the_checkpoint() {
    record(new CartCreated(A, "ann"), new CartCreated(B, "bob"), new ItemAdded(A, "X", new BigDecimal("1.50"), 2),
        new CartSubmitted(A));

    assertEquals(3, runner.catchUp(), "the submit is ignored by this view");

    assertEquals(4, views.checkpoint(), "ignored events still move the checkpoint");
    assertEquals(Optional.of(new CartSummary(A, "ann", 2, new BigDecimal("3.00"))), views.find(A));
    assertEquals(List.of(A, B), List.copyOf(views.all().keySet()), "rows in the order their keys appeared");
  }

  @Test
  void a_second_catch_up_applies_only_new_events_to_stored_rows() {
    record(new CartCreated(A, "ann"), new ItemAdded(A, "X", BigDecimal.ONE, 1));
    runner.catchUp();
    assertEquals(0, runner.catchUp());

    record(new ItemAdded(A, "Y", BigDecimal.TEN, 1));
    assertEquals(1, runner.catchUp());

    assertEquals(new CartSummary(A, "ann", 2, new BigDecimal("11")), views.find(A).orElseThrow());
    assertEquals(3, views.checkpoint());
  }

  @Test
  void applies_page_by_page() {
    for (int i = 0; i < 5; i++) {
      record(new ItemAdded(A, "X", BigDecimal.ONE, 1));
    }
    CountingViews counting = new CountingViews();
    ProjectionRunner<UUID, CartSummary> paged =
        new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), counting).withPageSize(2);

    assertEquals(5, paged.catchUp());

    assertEquals(List.of(2L, 4L, 5L), counting.checkpoints);
    assertEquals(5, counting.find(A).orElseThrow().items(), "a row started from initial() and carried across pages");
  }

  @Test
  void an_undecodable_event_names_its_location_and_keeps_the_last_good_checkpoint() {
    record(new CartCreated(A, "ann"));
    recordRaw(StreamId.of("Cart", A), "ItemAdded", "{\"cartId\":\"" + A + "\",\"sku\":\"X\",\"price\":\"free\",\"quantity\":1}");
    ProjectionRunner<UUID, CartSummary> paged =
        new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), views).withPageSize(1);

    EventStoreException e = assertThrows(EventStoreException.class, paged::catchUp);

    assertEquals("cannot decode the ItemAdded v1 event at Cart-" + A + "@2 (global position 2): "
        + "$.price: expected a number, but found the string \"free\"", e.getMessage());
    assertInstanceOf(CodecException.class, e.getCause());
    assertEquals(1, views.checkpoint());
  }

  @Test
  void skips_event_types_of_other_models() {
    recordRaw(StreamId.of("Invoice", "1"), "InvoiceSent", "{}");
    record(new CartCreated(A, "ann"));

    assertEquals(1, runner.catchUp());
    assertEquals(2, views.checkpoint());
  }

  @Test
  void a_failing_projector_names_the_event() {
    record(new CartCreated(A, "ann"));
    CartSummaryProjection real = new CartSummaryProjection();
    ProjectionRunner<UUID, CartSummary> broken = new ProjectionRunner<>(store, CartCodec.INSTANCE, new Projector<>() {
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
        throw new ArithmeticException("boom");
      }
    }, views);

    IllegalStateException e = assertThrows(IllegalStateException.class, broken::catchUp);
    assertEquals(true, e.getMessage().endsWith("failed on the CartCreated event at Cart-" + A + "@1 (global position 1): boom"),
        e.getMessage());
    assertEquals(0, views.checkpoint());
  }

  @Test
  void a_rebuilt_view_equals_the_incrementally_built_one() {
    record(new CartCreated(A, "ann"), new ItemAdded(A, "X", new BigDecimal("1.50"), 2));
    runner.catchUp();
    record(new CartCreated(B, "bob"), new ItemAdded(B, "Y", BigDecimal.TEN, 1), new CartSubmitted(A));
    runner.catchUp();
    record(new ItemAdded(A, "Z", new BigDecimal("0.25"), 4));
    runner.catchUp();
    Map<UUID, CartSummary> incremental = views.all();

    assertEquals(5, runner.withPageSize(2).rebuild(), "every event the view applies, once");

    assertEquals(incremental, views.all());
    assertEquals(List.copyOf(incremental.keySet()), List.copyOf(views.all().keySet()));
    assertEquals(6, views.checkpoint());
  }

  @Test
  void a_rebuild_starts_from_an_empty_view() {
    record(new CartCreated(A, "ann"));
    // A row the log does not explain, as a bug in an older projector would have left behind.
    views.apply(Map.of(B, new CartSummary(B, "ghost", 9, BigDecimal.TEN)), 0);
    runner.catchUp();

    runner.rebuild();

    assertEquals(Map.of(A, new CartSummary(A, "ann", 0, BigDecimal.ZERO)), views.all());
  }

  /** Records each checkpoint applied. */
  private static final class CountingViews implements ViewStore<UUID, CartSummary> {
    private final InMemoryViewStore<UUID, CartSummary> delegate = new InMemoryViewStore<>();
    final List<Long> checkpoints = new java.util.ArrayList<>();

    @Override
    public Optional<CartSummary> find(UUID key) {
      return delegate.find(key);
    }

    @Override
    public Map<UUID, CartSummary> all() {
      return delegate.all();
    }

    @Override
    public long checkpoint() {
      return delegate.checkpoint();
    }

    @Override
    public void apply(Map<UUID, CartSummary> changedRows, long newCheckpoint) {
      checkpoints.add(newCheckpoint);
      delegate.apply(changedRows, newCheckpoint);
    }

    @Override
    public void reset() {
      delegate.reset();
    }
  }
}
