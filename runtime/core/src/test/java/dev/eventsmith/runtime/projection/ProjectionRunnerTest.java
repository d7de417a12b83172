package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.UnknownEventTypeException;
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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
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

    assertEquals(4, views.checkpoint().position(), "ignored events still move the checkpoint");
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
    assertEquals(3, views.checkpoint().position());
  }

  @Test
  void a_stopped_catch_up_answers_what_it_applied_before_stopping() {
    for (int i = 0; i < 5; i++) {
      record(new ItemAdded(A, "X", BigDecimal.ONE, 1));
    }
    ProjectionRunner<UUID, CartSummary> paged = runner.withPageSize(2);
    int[] asked = {0};

    assertEquals(2, paged.catchUp(() -> asked[0]++ >= 1), "stopped between the first and the second page");
    assertEquals(2, paged.checkpoint());
    assertEquals(3, paged.catchUp(), "the rest, from the checkpoint");
  }

  @Test
  void applies_page_by_page() {
    for (int i = 0; i < 5; i++) {
      record(new ItemAdded(A, "X", BigDecimal.ONE, 1));
    }
    WatchedViews counting = new WatchedViews(new InMemoryViewStore<>(), null);
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
    assertEquals(1, views.checkpoint().position());
  }

  @Test
  @Tag("reliability")
  void an_unknown_event_type_stops_the_runner_naming_the_type_stream_and_position() {
    record(new CartCreated(A, "ann"));
    // Written by a newer deploy, or under a stored name that changed: a view must not lose it silently.
    recordRaw(StreamId.of("Cart", A), "CartRenamed", "{}");
    record(new CartCreated(B, "bob"));

    UnknownEventTypeException e = assertThrows(UnknownEventTypeException.class, runner.withPageSize(1)::catchUp);

    assertEquals("CartRenamed", e.type());
    assertTrue(e.getMessage().startsWith("the projection " + CartSummaryProjection.class.getName()
        + " stopped at the event of unknown type 'CartRenamed' at Cart-" + A + "@2 (global position 2): "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("name that model's types with ProjectionRunner.skippingTypes(...) to skip them"),
        e.getMessage());
    assertEquals(1, views.checkpoint().position(), "the page before it was applied, nothing after it");
    assertEquals(1, views.all().size());
  }

  @Test
  void the_types_of_another_model_sharing_the_store_are_skipped_when_named() {
    recordRaw(StreamId.of("Invoice", "1"), "InvoiceSent", "{}");
    record(new CartCreated(A, "ann"));
    recordRaw(StreamId.of("Invoice", "1"), "InvoicePaid", "{}");

    ProjectionRunner<UUID, CartSummary> sharing = runner.skippingTypes(List.of("InvoiceSent")).skippingTypes(
        Set.of("InvoicePaid"));

    assertEquals(1, sharing.catchUp());
    assertEquals(3, views.checkpoint().position());
  }

  @Test
  void a_type_of_the_views_own_model_cannot_be_skipped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runner.skippingTypes(List.of("InvoiceSent", "ItemAdded")));
    assertEquals("'ItemAdded' is a type of the projection " + CartSummaryProjection.class.getName() + "'s own model; "
        + "a runner skips only types its codec does not know", e.getMessage());
  }

  @Test
  void a_failing_projector_names_the_event() {
    record(new CartCreated(A, "ann"));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        broken(null, new ArithmeticException("boom"), null)::catchUp);

    assertEquals(BrokenProjector.class.getName() + ".project failed on the CartCreated event at Cart-" + A
        + "@1 (global position 1): java.lang.ArithmeticException: boom", e.getMessage());
    assertInstanceOf(ArithmeticException.class, e.getCause());
    assertEquals(0, views.checkpoint().position());
  }

  @Test
  @Tag("reliability")
  void a_failing_keyOf_and_an_Error_in_project_or_initial_name_the_event_too() {
    record(new CartCreated(A, "ann"));
    String at = " failed on the CartCreated event at Cart-" + A + "@1 (global position 1): ";

    IllegalStateException keyOf = assertThrows(IllegalStateException.class,
        broken(new ClassCastException("not a cart"), null, null)::catchUp);
    IllegalStateException project = assertThrows(IllegalStateException.class,
        broken(null, new StackOverflowError(), null)::catchUp);
    IllegalStateException initial = assertThrows(IllegalStateException.class,
        broken(null, null, new AssertionError("no row"))::catchUp);

    // keysOf delegates to the projector's keyOf: the cause names keyOf.
    assertEquals(BrokenProjector.class.getName() + ".keysOf" + at + "java.lang.ClassCastException: not a cart",
        keyOf.getMessage());
    assertEquals(BrokenProjector.class.getName() + ".project" + at + "java.lang.StackOverflowError",
        project.getMessage());
    assertEquals(BrokenProjector.class.getName() + ".initial" + at + "java.lang.AssertionError: no row",
        initial.getMessage());
    assertEquals(0, views.checkpoint().position());
  }

  @Test
  void a_projector_that_answers_null_is_stopped_with_what_to_return() {
    record(new CartCreated(A, "ann"));
    Projector<UUID, CartSummary> nulls = new BrokenProjector(null, null, null) {
      @Override
      public Optional<UUID> keyOf(Event event) {
        return null;
      }
    };

    IllegalStateException e = assertThrows(IllegalStateException.class,
        new ProjectionRunner<>(store, CartCodec.INSTANCE, nulls, views)::catchUp);

    assertTrue(e.getMessage().endsWith(".keysOf returned null for the CartCreated event at Cart-" + A
        + "@1 (global position 1); return an empty value to ignore the event"), e.getMessage());
  }

  @Test
  @Tag("reliability")
  void a_page_another_runner_applied_first_is_read_again_not_applied_twice() {
    record(new CartCreated(A, "ann"), new ItemAdded(A, "X", BigDecimal.ONE, 1));
    ProjectionRunner<UUID, CartSummary> other =
        new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), views);
    // Just before this runner applies its first page, the other runner applies the same page.
    WatchedViews late = new WatchedViews(views, other::catchUp);
    ProjectionRunner<UUID, CartSummary> slow =
        new ProjectionRunner<>(store, CartCodec.INSTANCE, new CartSummaryProjection(), late);

    assertEquals(0, slow.catchUp(), "its page was refused: the other runner had applied it");
    assertEquals(1, late.conflicts);

    record(new ItemAdded(A, "Y", BigDecimal.TEN, 2));
    assertEquals(1, slow.catchUp(), "it carries on from the other runner's checkpoint");
    assertEquals(new CartSummary(A, "ann", 3, new BigDecimal("21")), views.find(A).orElseThrow());
    assertEquals(3, views.checkpoint().position());
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
    assertEquals(6, views.checkpoint().position());
  }

  @Test
  void a_rebuild_starts_from_an_empty_view() {
    record(new CartCreated(A, "ann"));
    // A row the log does not explain, as a bug in an older projector would have left behind.
    views.apply(Map.of(B, new CartSummary(B, "ghost", 9, BigDecimal.TEN)), views.checkpoint(), 1);
    runner.catchUp();

    runner.rebuild();

    assertEquals(Map.of(A, new CartSummary(A, "ann", 0, BigDecimal.ZERO)), views.all());
  }

  private ProjectionRunner<UUID, CartSummary> broken(RuntimeException keyOf, Throwable project, Error initial) {
    return new ProjectionRunner<>(store, CartCodec.INSTANCE, new BrokenProjector(keyOf, project, initial), views);
  }

  /** The real projection, but throwing what it was given from keyOf, project or initial. */
  private static class BrokenProjector implements Projector<UUID, CartSummary> {
    private final CartSummaryProjection real = new CartSummaryProjection();
    private final RuntimeException keyOf;
    private final Throwable project;
    private final Error initial;

    BrokenProjector(RuntimeException keyOf, Throwable project, Error initial) {
      this.keyOf = keyOf;
      this.project = project;
      this.initial = initial;
    }

    @Override
    public CartSummary initial(UUID key) {
      if (initial != null) {
        throw initial;
      }
      return real.initial(key);
    }

    @Override
    public Optional<UUID> keyOf(Event event) {
      if (keyOf != null) {
        throw keyOf;
      }
      return real.keyOf(event);
    }

    @Override
    public CartSummary project(CartSummary view, Event event) {
      if (project instanceof RuntimeException e) {
        throw e;
      }
      if (project instanceof Error e) {
        throw e;
      }
      return real.project(view, event);
    }
  }

  /**
   * A view store that records each position applied, counts refused applies, and runs {@code meanwhile}
   * once, just before the first apply.
   */
  private static final class WatchedViews implements ViewStore<UUID, CartSummary> {
    private final ViewStore<UUID, CartSummary> delegate;
    private Runnable meanwhile;
    final List<Long> checkpoints = new java.util.ArrayList<>();
    int conflicts;

    WatchedViews(ViewStore<UUID, CartSummary> delegate, Runnable meanwhile) {
      this.delegate = delegate;
      this.meanwhile = meanwhile;
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
    public Checkpoint checkpoint() {
      return delegate.checkpoint();
    }

    @Override
    public Checkpoint apply(Map<UUID, CartSummary> changedRows, Checkpoint expected, long newPosition) {
      if (meanwhile != null) {
        Runnable run = meanwhile;
        meanwhile = null;
        run.run();
      }
      checkpoints.add(newPosition);
      try {
        return delegate.apply(changedRows, expected, newPosition);
      } catch (CheckpointConflictException e) {
        conflicts++;
        throw e;
      }
    }

    @Override
    public void reset() {
      delegate.reset();
    }
  }


}
