package dev.eventsmith.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartCommand.TooManyItems;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.DelegatingEventStore;
import dev.eventsmith.runtime.snapshot.InMemorySnapshotStore;
import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.snapshot.StateCodec;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandHandlerSnapshotTest {

  private static final UUID CART = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
  private static final StreamId STREAM = StreamId.of("Cart", CART);
  private static final int STATE_V1 = 1;

  private final CountingStore store = new CountingStore(new InMemoryEventStore());
  private final RecordingSnapshots snapshots = new RecordingSnapshots();
  private final CommandHandler<Cart.State, CartCommand, CartEvent> plain =
      new CommandHandler<>(store, CartCodec.INSTANCE, new Cart());
  private final CommandHandler<Cart.State, CartCommand, CartEvent> snapshotting =
      plain.withSnapshots(snapshots, new StateText(), 2, STATE_V1);

  private static AddItem addOne() {
    return new AddItem(CART, "X", BigDecimal.ONE, 1);
  }

  @Test
  void takes_a_snapshot_whenever_a_command_brings_the_stream_every_events_past_the_last() {
    snapshotting.handle(new CreateCart(CART, "ann"));
    assertEquals(List.of(), snapshots.saved, "one event is less than every=2");

    snapshotting.handle(addOne());
    snapshotting.handle(addOne());
    snapshotting.handle(addOne());

    assertEquals(List.of(2L, 4L), snapshots.saved.stream().map(Snapshot::streamVersion).toList());
    Snapshot latest = snapshots.latest(STREAM).orElseThrow();
    assertEquals("true,3,false", new String(latest.state(), StandardCharsets.UTF_8), "the state after event 4");
    assertEquals(STATE_V1, latest.stateVersion());
    assertEquals(store.readStream(STREAM, 4, 1).get(0).globalPosition(), latest.lastPosition());
  }

  @Test
  void a_load_folds_only_the_events_after_the_snapshot() {
    for (int i = 0; i < 4; i++) {
      store.append(STREAM, ExpectedVersion.any(), List.of(stored(i == 0 ? new CartEvent.CartCreated(CART, "ann")
          : new CartEvent.ItemAdded(CART, "X", BigDecimal.ONE, 1))));
    }
    // A snapshot at version 3 that claims an empty cart: only a load that uses it sees room for 3 items.
    snapshots.save(new Snapshot(STREAM, 3, positionOf(3), STATE_V1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    store.eventsRead = 0;

    CommandResult result = snapshotting.handle(new AddItem(CART, "Y", BigDecimal.ONE, 2));

    assertInstanceOf(CommandResult.Accepted.class, result, "decided on the snapshot's state (0 + 1 items)");
    assertEquals(2, store.eventsRead, "event 3 to check the snapshot belongs to the stream, then event 4");
    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)),
        plain.handle(new AddItem(CART, "Y", BigDecimal.ONE, 2)), "a full replay sees 3 + 2 items");
  }

  @Test
  void a_snapshot_of_another_state_version_is_ignored_and_replaced() {
    fillCartWithoutSnapshots();
    snapshots.save(new Snapshot(STREAM, 4, positionOf(4), STATE_V1 + 1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    store.eventsRead = 0;

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), snapshotting.handle(addOne()),
        "the cart is full: the stale snapshot's empty cart was not used");
    assertEquals(4, store.eventsRead, "the whole stream was replayed");

    assertInstanceOf(CommandResult.Accepted.class, snapshotting.handle(new SubmitCart(CART)));
    Snapshot replaced = snapshots.latest(STREAM).orElseThrow();
    assertEquals(STATE_V1, replaced.stateVersion(), "5 events past no usable snapshot: a fresh one is taken");
    assertEquals("true,3,true", new String(replaced.state(), StandardCharsets.UTF_8));
  }

  @Test
  void a_snapshot_whose_state_does_not_decode_is_ignored() {
    fillCartWithoutSnapshots();
    snapshots.save(new Snapshot(STREAM, 4, positionOf(4), STATE_V1, "not a cart".getBytes(StandardCharsets.UTF_8)));
    store.eventsRead = 0;

    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), snapshotting.handle(addOne()));
    assertEquals(1 + 4, store.eventsRead, "the check of event 4, then the whole stream");
  }

  @Test
  void a_snapshot_that_does_not_match_its_stream_is_ignored() {
    fillCartWithoutSnapshots();
    // Taken in another event store: same version, but its event sat at another global position.
    snapshots.save(new Snapshot(STREAM, 4, positionOf(4) + 100, STATE_V1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), snapshotting.handle(addOne()));

    // Claims more events than the stream has.
    snapshots.save(new Snapshot(STREAM, 9, 9, STATE_V1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new CommandResult.Rejected(STREAM, new TooManyItems(Cart.MAX_ITEMS)), snapshotting.handle(addOne()));
  }

  @Test
  void a_snapshot_store_that_fails_never_fails_a_command() {
    CommandHandler<Cart.State, CartCommand, CartEvent> broken =
        plain.withSnapshots(new BrokenSnapshots(), new StateText(), 1, STATE_V1);

    assertInstanceOf(CommandResult.Accepted.class, broken.handle(new CreateCart(CART, "ann")));
    assertInstanceOf(CommandResult.Accepted.class, broken.handle(addOne()));
    assertEquals(2, store.streamVersion(STREAM));
  }

  @Test
  void decisions_are_the_same_with_and_without_snapshots() {
    UUID otherCart = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    List<java.util.function.Function<UUID, CartCommand>> script = List.of(
        id -> new CreateCart(id, "ann"), id -> new AddItem(id, "A", BigDecimal.ONE, 1),
        id -> new AddItem(id, "B", BigDecimal.TEN, 1), id -> new AddItem(id, "C", BigDecimal.ONE, 2),
        id -> new AddItem(id, "D", BigDecimal.ONE, 1), id -> new CreateCart(id, "bob"),
        id -> new SubmitCart(id), id -> new AddItem(id, "E", BigDecimal.ONE, 1), id -> new SubmitCart(id));
    CommandHandler<Cart.State, CartCommand, CartEvent> everyEvent = plain.withSnapshots(snapshots, new StateText(), 1, STATE_V1);

    List<Object> withSnapshots = new ArrayList<>();
    List<Object> without = new ArrayList<>();
    for (var command : script) {
      withSnapshots.add(outcome(everyEvent.handle(command.apply(CART))));
      without.add(outcome(plain.handle(command.apply(otherCart))));
    }

    assertEquals(without, withSnapshots);
    assertEquals(5, snapshots.saved.size(), "one per command that appended: create, 3 adds, submit");
  }

  @Test
  void every_must_be_positive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.withSnapshots(snapshots, new StateText(), 0, STATE_V1));
    assertEquals("take a snapshot every 1 or more events, not every 0", e.getMessage());
  }

  // ---- what the log says when a snapshot cannot be used (the javadoc promises a warning)

  private final Logger log = Logger.getLogger(CommandHandler.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level levelBefore;
  private boolean parentsBefore;

  @BeforeEach
  void captureTheLog() {
    levelBefore = log.getLevel();
    parentsBefore = log.getUseParentHandlers();
    log.setUseParentHandlers(false); // keep the expected warnings out of the build's output
    log.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    log.addHandler(capture);
  }

  @AfterEach
  void releaseTheLog() {
    log.removeHandler(capture);
    log.setLevel(levelBefore);
    log.setUseParentHandlers(parentsBefore);
  }

  private List<String> messages(Level level) {
    return logged.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
  }

  @Test
  void a_failing_snapshot_store_is_logged_as_a_warning_with_its_cause() {
    CommandHandler<Cart.State, CartCommand, CartEvent> broken =
        plain.withSnapshots(new BrokenSnapshots(), new StateText(), 1, STATE_V1);
    broken.handle(new CreateCart(CART, "ann"));

    assertEquals(List.of("cannot read the snapshot of " + STREAM + "; replaying the stream instead",
        "cannot save a snapshot of " + STREAM + "@1; the command succeeded, loads replay more events until a snapshot is saved"),
        messages(Level.WARNING));
    for (LogRecord record : logged) {
      if (record.getLevel().equals(Level.WARNING)) {
        assertEquals("snapshot database down", record.getThrown().getMessage());
      }
    }
  }

  @Test
  void a_snapshot_of_another_log_is_logged_as_a_warning_that_says_what_the_stream_has() {
    fillCartWithoutSnapshots();
    long position = positionOf(4);
    snapshots.save(new Snapshot(STREAM, 4, position + 100, STATE_V1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    snapshotting.handle(addOne());
    snapshots.save(new Snapshot(STREAM, 9, 9, STATE_V1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    snapshotting.handle(addOne());

    assertEquals(List.of(
        "ignoring Snapshot[" + STREAM + "@4, state v1, 12 bytes] taken at global position " + (position + 100)
            + ": the stream has that event at " + STREAM + "@4 (global position " + position + "); the snapshot store"
            + " does not belong to this event store, or the events were restored",
        "ignoring Snapshot[" + STREAM + "@9, state v1, 12 bytes] taken at global position 9: the stream has no such event;"
            + " the snapshot store does not belong to this event store, or the events were restored"),
        messages(Level.WARNING));
  }

  @Test
  void a_snapshot_that_does_not_decode_is_logged_as_a_warning_with_the_codec_error() {
    fillCartWithoutSnapshots();
    snapshots.save(new Snapshot(STREAM, 4, positionOf(4), STATE_V1, "not a cart".getBytes(StandardCharsets.UTF_8)));
    snapshotting.handle(addOne());

    assertEquals(List.of("ignoring Snapshot[" + STREAM + "@4, state v1, 10 bytes]: its state does not decode;"
        + " replaying the stream"), messages(Level.WARNING));
    assertEquals("not a cart state: not a cart", logged.get(0).getThrown().getMessage());
  }

  @Test
  void a_snapshot_of_another_state_version_is_expected_and_only_logged_for_debugging() {
    fillCartWithoutSnapshots();
    snapshots.save(new Snapshot(STREAM, 4, positionOf(4), STATE_V1 + 1, "true,0,false".getBytes(StandardCharsets.UTF_8)));
    snapshotting.handle(addOne());

    assertEquals(List.of(), messages(Level.WARNING));
    assertEquals(List.of("ignoring Snapshot[" + STREAM + "@4, state v2, 12 bytes]: this handler folds state v1"),
        messages(Level.FINE));
  }

  /** What a caller sees of a result, without stream ids and positions, which differ per cart. */
  private static Object outcome(CommandResult result) {
    if (result instanceof CommandResult.Rejected rejected) {
      return rejected.rejection();
    }
    CommandResult.Accepted accepted = (CommandResult.Accepted) result;
    return accepted.events().stream().map(e -> e.getClass().getSimpleName()).toList() + "@" + accepted.streamVersion();
  }

  private void fillCartWithoutSnapshots() {
    plain.handle(new CreateCart(CART, "ann"));
    for (int i = 0; i < Cart.MAX_ITEMS; i++) {
      plain.handle(addOne());
    }
  }

  private long positionOf(long version) {
    return store.readStream(STREAM, version, 1).get(0).globalPosition();
  }

  private static NewEvent stored(CartEvent event) {
    var e = CartCodec.INSTANCE.encode(event);
    return new NewEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), e.data(), java.util.Map.of());
  }

  /** Cart state as "created,items,submitted". */
  static final class StateText implements StateCodec<Cart.State> {
    @Override
    public byte[] encode(Cart.State state) {
      return (state.created() + "," + state.items() + "," + state.submitted()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Cart.State decode(byte[] data) {
      String[] parts = new String(data, StandardCharsets.UTF_8).split(",");
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a cart state: " + new String(data, StandardCharsets.UTF_8));
      }
      return new Cart.State(Boolean.parseBoolean(parts[0]), Integer.parseInt(parts[1]), Boolean.parseBoolean(parts[2]));
    }
  }

  /** Keeps every snapshot saved, in order. */
  private static final class RecordingSnapshots implements SnapshotStore {
    private final InMemorySnapshotStore delegate = new InMemorySnapshotStore();
    final List<Snapshot> saved = new ArrayList<>();

    @Override
    public Optional<Snapshot> latest(StreamId stream) {
      return delegate.latest(stream);
    }

    @Override
    public void save(Snapshot snapshot) {
      saved.add(snapshot);
      delegate.save(snapshot);
    }
  }

  private static final class BrokenSnapshots implements SnapshotStore {
    @Override
    public Optional<Snapshot> latest(StreamId stream) {
      throw new IllegalStateException("snapshot database down");
    }

    @Override
    public void save(Snapshot snapshot) {
      throw new IllegalStateException("snapshot database down");
    }
  }

  /** Counts the events that reads of streams return. */
  private static final class CountingStore extends DelegatingEventStore {
    int eventsRead;

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
}
