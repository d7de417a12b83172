package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.TooManyItems;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.snapshot.InMemorySnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandHandlerStateCacheTest {

  private static final UUID CART = UUID.fromString("00000000-0000-0000-0000-0000000ca5e0");
  private static final StreamId STREAM = StreamId.of("Cart", CART);

  private final CountingStore store = new CountingStore(new InMemoryEventStore());
  private final CommandHandler<Cart.State, CartCommand, CartEvent> plain =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());
  private final CommandHandler<Cart.State, CartCommand, CartEvent> cached = plain.withStateCache(100);

  private static AddItem add(UUID cart, int quantity) {
    return new AddItem(cart, "X", BigDecimal.ONE, quantity);
  }

  /** A cart with {@code length} events that hold no items: a long history that folds to an empty cart. */
  private void longCart(UUID cart, int length) {
    StreamId stream = StreamId.of("Cart", cart);
    List<NewEvent> events = new ArrayList<>();
    events.add(stored(new CartEvent.CartCreated(cart, "ann")));
    while (events.size() < length) {
      events.add(stored(new CartEvent.ItemAdded(cart, "nothing", BigDecimal.ZERO, 0)));
    }
    store.append(stream, ExpectedVersion.noStream(), events);
  }

  @Test
  void a_cached_state_is_brought_up_to_date_by_reading_only_from_its_version_on() {
    longCart(CART, 1_000);
    cached.handle(add(CART, 1));
    assertEquals(1_000, store.eventsRead, "the first load folds the whole stream");

    store.eventsRead = 0;
    CommandResult second = cached.handle(add(CART, 1));

    assertInstanceOf(CommandResult.Accepted.class, second);
    assertEquals(1, store.eventsRead, "only the cached head is read again, to check it");
    assertEquals(1_002, ((CommandResult.Accepted) second).streamVersion());
  }

  @Test
  void what_other_writers_appended_after_the_cached_version_is_folded_before_deciding() {
    longCart(CART, 10);
    cached.handle(add(CART, 1));
    // Another process (here: a handler without this cache) fills the cart to its limit.
    plain.handle(add(CART, 2));

    store.eventsRead = 0;
    CommandResult third = cached.handle(add(CART, 1));

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), third,
        "the cached state (1 item) alone would have accepted a third item");
    assertEquals(2, store.eventsRead, "the cached head and the other writer's event");
  }

  @Test
  void more_than_a_page_appended_by_others_since_the_cached_version_is_read_page_by_page() {
    CommandHandler<Cart.State, CartCommand, CartEvent> paged = plain.withPageSize(4).withStateCache(10);
    longCart(CART, 10);
    paged.handle(add(CART, 1));
    List<NewEvent> others = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      others.add(stored(new CartEvent.ItemAdded(CART, "nothing", BigDecimal.ZERO, 0)));
    }
    others.add(stored(new CartEvent.ItemAdded(CART, "Y", BigDecimal.ONE, 2)));
    store.append(STREAM, ExpectedVersion.exactly(11), others);
    store.eventsRead = 0;

    CommandResult result = paged.handle(add(CART, 1));

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), result,
        "the other writer's two items, in the last page, were folded onto the cached one");
    assertEquals(11, store.eventsRead, "the cached head and the ten events after it, in pages of 4");
  }

  @Test
  void the_state_kept_after_an_append_is_folded_from_the_events_as_stored() {
    // A codec that stores every item with quantity 2, whatever the command said: a replay sees 2.
    EventCodec doubling = new EventCodec() {
      @Override
      public EncodedEvent encode(Event event) {
        return CartCodec.INSTANCE.encode(event instanceof CartEvent.ItemAdded a
            ? new CartEvent.ItemAdded(a.cartId(), a.sku(), a.price(), 2) : event);
      }

      @Override
      public Event decode(String type, int schemaVersion, byte[] data) {
        return CartCodec.INSTANCE.decode(type, schemaVersion, data);
      }

      @Override
      public java.util.Set<String> types() {
        return CartCodec.INSTANCE.types();
      }
    };
    CommandHandler<Cart.State, CartCommand, CartEvent> handler =
        new CommandHandler<>(store, doubling, new Cart()).withStateCache(10);
    handler.handle(new CreateCart(CART, "ann"));
    handler.handle(add(CART, 1)); // stored as 2 items

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), handler.handle(add(CART, 2)),
        "2 stored + 2 exceed 3, as a replay says; the command's own event (1 item) would have accepted it");
  }

  @Test
  void a_rejection_keeps_the_cache_warm() {
    longCart(CART, 500);
    cached.handle(add(CART, 3));
    store.eventsRead = 0;

    for (int i = 0; i < 5; i++) {
      assertInstanceOf(CommandResult.Rejected.class, cached.handle(add(CART, 1)));
    }

    assertEquals(5, store.eventsRead, "each rejected command read only the cached head");
  }

  @Test
  void a_cached_state_whose_event_the_stream_no_longer_holds_is_dropped_and_the_stream_replayed() {
    SwitchableStore switchable = new SwitchableStore(new InMemoryEventStore());
    CommandHandler<Cart.State, CartCommand, CartEvent> handler =
        new CommandHandler<>(switchable, CartCodec.INSTANCE, new Cart()).withStateCache(10);
    handler.handle(new CreateCart(CART, "ann"));
    handler.handle(add(CART, 1));
    // The store is restored from a backup that holds other events at the same versions and positions.
    switchable.delegate = new InMemoryEventStore();
    switchable.delegate.append(STREAM, ExpectedVersion.noStream(), List.of(stored(new CartEvent.CartCreated(CART, "bo")),
        stored(new CartEvent.ItemAdded(CART, "Y", BigDecimal.ONE, 3))));

    CommandResult result = handler.handle(add(CART, 1));

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), result,
        "decided on the restored stream (3 items), not on the cached state (1 item)");
  }

  @Test
  void holds_at_most_max_streams_states_dropping_the_least_recently_used() {
    CommandHandler<Cart.State, CartCommand, CartEvent> small = plain.withStateCache(2);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    for (UUID cart : List.of(a, b, c)) {
      longCart(cart, 100);
    }
    small.handle(add(a, 1));
    small.handle(add(b, 1));
    small.handle(add(a, 1)); // a is now used more recently than b
    small.handle(add(c, 1)); // evicts b

    store.eventsRead = 0;
    small.handle(add(a, 1));
    assertEquals(1, store.eventsRead, "a is still cached");
    store.eventsRead = 0;
    small.handle(add(b, 1));
    assertEquals(101, store.eventsRead, "b was evicted and is folded from the start");
  }

  @Test
  void refuses_a_cache_of_no_streams() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.withStateCache(0));
    assertEquals("a state cache holds 1 or more streams, not 0", e.getMessage());
  }

  @Test
  void works_with_snapshots_and_continues_from_the_cache_rather_than_the_snapshot() {
    CommandHandler<Cart.State, CartCommand, CartEvent> both = plain
        .withSnapshots(new InMemorySnapshotStore(), new CommandHandlerSnapshotTest.StateText(), 10, 1)
        .withStateCache(10);
    longCart(CART, 25);
    both.handle(add(CART, 1)); // 26 events: snapshot taken
    store.eventsRead = 0;

    both.handle(add(CART, 1));

    assertEquals(1, store.eventsRead);
    assertInstanceOf(CommandResult.Rejected.class, both.handle(add(CART, 2)), "1 + 1 + 2 items exceed 3");
  }

  /**
   * Two processes (two handlers, each with its own cache) and eight threads each race to add one item
   * at a time to carts that take three: every cart ends with exactly three items, each accepted command
   * appended exactly one event, and a full replay agrees with every accepted result.
   */
  @Test
  void several_writers_with_their_own_caches_never_exceed_a_rule_the_cached_state_decides() throws Exception {
    CommandHandler<Cart.State, CartCommand, CartEvent> processA = plain.withMaxAttempts(100).withStateCache(4);
    CommandHandler<Cart.State, CartCommand, CartEvent> processB = plain.withMaxAttempts(100).withStateCache(4);
    List<UUID> carts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      UUID cart = UUID.randomUUID();
      carts.add(cart);
      longCart(cart, 50);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> accepted = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        CommandHandler<Cart.State, CartCommand, CartEvent> handler = t % 2 == 0 ? processA : processB;
        int offset = t;
        Callable<Integer> writer = () -> {
          start.await();
          int mine = 0;
          for (int round = 0; round < 30; round++) {
            UUID cart = carts.get((round + offset) % carts.size());
            if (handler.handle(add(cart, 1)) instanceof CommandResult.Accepted) {
              mine++;
            }
          }
          return mine;
        };
        accepted.add(pool.submit(writer));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : accepted) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(carts.size() * Cart.MAX_ITEMS, total);
    } finally {
      pool.shutdownNow();
    }
    for (UUID cart : carts) {
      List<RecordedEvent> events = store.readStream(StreamId.of("Cart", cart), 1, 1_000);
      assertEquals(50 + Cart.MAX_ITEMS, events.size(), "one event per accepted command on " + cart);
      assertEquals(new CommandResult.Rejected(StreamId.of("Cart", cart), new TooManyItems(Cart.MAX_ITEMS)),
          plain.handle(add(cart, 1)), "a full replay agrees the cart is full");
    }
  }

  private static NewEvent stored(CartEvent event) {
    var e = CartCodec.INSTANCE.encode(event);
    return new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), Map.of());
  }

  private static final class CountingStore extends DelegatingEventStore {
    volatile int eventsRead;

    CountingStore(EventStore delegate) {
      super(delegate);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
      List<RecordedEvent> page = super.readStream(stream, fromVersion, maxCount);
      eventsRead += page.size();
      return page;
    }
  }

  /** A store whose underlying store can be replaced, as when a database is restored from a backup. */
  private static final class SwitchableStore implements EventStore {
    EventStore delegate;

    SwitchableStore(EventStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public dev.eventsmith.runtime.store.AppendResult append(StreamId stream, ExpectedVersion expected,
        List<NewEvent> events) {
      return delegate.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, int maxCount) {
      return delegate.readStream(stream, fromVersion, maxCount);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      return delegate.readAll(afterPosition, maxCount);
    }

    @Override
    public java.util.Optional<RecordedEvent> readEvent(UUID eventId) {
      return delegate.readEvent(eventId);
    }

    @Override
    public long streamVersion(StreamId stream) {
      return delegate.streamVersion(stream);
    }
  }
}
