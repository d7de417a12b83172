package dev.eventsmith.runtime.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.fixture.Cart;
import dev.eventsmith.runtime.fixture.CartCodec;
import dev.eventsmith.runtime.fixture.CountingCart;
import dev.eventsmith.runtime.fixture.CartCommand;
import dev.eventsmith.runtime.fixture.CartCommand.AddItem;
import dev.eventsmith.runtime.fixture.CartCommand.CreateCart;
import dev.eventsmith.runtime.fixture.CartCommand.SubmitCart;
import dev.eventsmith.runtime.fixture.CartEvent;
import dev.eventsmith.runtime.fixture.CartEvent.CartCreated;
import dev.eventsmith.runtime.fixture.CartEvent.CartSubmitted;
import dev.eventsmith.runtime.fixture.CartEvent.ItemAdded;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentedProcessTest {

  /** A checkout's state: its cart and how many items it has; -1 once submitted (it ended). */
  record Basket(UUID cart, int items) {}

  /**
   * A checkout per cart: it submits the cart when its second item is added (a holder that folded
   * the cart's items wrongly submits at the wrong time, or never), and adds a free reminder item an
   * hour after the cart was created unless it was submitted by then.
   */
  static final class Checkout implements Workflow<Basket> {
    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of(((CartEvent) event).cartId().toString());
    }

    @Override
    public boolean starts(Event event) {
      return event instanceof CartCreated;
    }

    @Override
    public Basket initialState(String key) {
      return new Basket(UUID.fromString(key), 0);
    }

    @Override
    public Basket evolve(Basket basket, Event event) {
      return event instanceof ItemAdded ? new Basket(basket.cart(), basket.items() + 1)
          : event instanceof CartSubmitted ? new Basket(basket.cart(), -1) : basket;
    }

    @Override
    public boolean ended(Basket basket) {
      return basket.items() < 0;
    }

    @Override
    public Reaction react(Basket basket, Event event, Instant now) {
      if (event instanceof CartCreated) {
        return Reaction.none().andSchedule("remind", Duration.ofHours(1));
      }
      return event instanceof ItemAdded && basket.items() == 2 ? Reaction.issue(new SubmitCart(basket.cart()))
          : Reaction.none();
    }

    @Override
    public Reaction onDeadline(Basket basket, String deadline, Instant now) {
      return Reaction.issue(new AddItem(basket.cart(), "REMINDER", BigDecimal.ZERO, 1));
    }

    @Override
    public Reaction onRejected(Basket basket, Command command, Rejection rejection) {
      return Reaction.none();
    }
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final AtomicInteger decisions = new AtomicInteger();
  private final CommandBus bus = new CommandBus().register(CartCommand.class,
      new CommandHandler<Cart.State, CartCommand, CartEvent>(store, CartCodec.INSTANCE, new CountingCart(decisions::incrementAndGet)));
  private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
  private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
  /** 59 minutes after the test began: the carts created since are due within two more minutes. */
  private final MovingClock clock = new MovingClock(Instant.now().plus(Duration.ofMinutes(59)));

  private SegmentedProcess<Basket> process(SegmentedCheckpoints checkpoints, DeadlineStore deadlines) {
    return SegmentedProcess.of("checkout", store, CartCodec.INSTANCE, new Checkout(), bus, checkpoints, deadlines)
        .withClock(clock).withPageSize(7);
  }

  private static UUID cart(int i) {
    return new UUID(7, i);
  }

  private List<RecordedEvent> events(int i) {
    return store.readStream(StreamId.of("Cart", cart(i)), 1, 100);
  }

  private long submitted(int i) {
    return events(i).stream().filter(e -> CartCodec.INSTANCE.decode(e) instanceof CartSubmitted).count();
  }

  private long reminded(int i) {
    return events(i).stream().filter(e -> CartCodec.INSTANCE.decode(e) instanceof ItemAdded added
        && added.sku().equals("REMINDER")).count();
  }

  private void addItem(int i) {
    bus.dispatch(new AddItem(cart(i), "SKU", BigDecimal.ONE, 1));
  }

  @Test
  void unsplit_it_folds_each_instance_from_the_start_and_issues_what_a_process_runner_issues() {
    bus.dispatch(new CreateCart(cart(0), "ann"));
    addItem(0);
    SegmentedCheckpoints whole = SegmentedCheckpoints.wholeProcess(checkpoints, "checkout");
    process(whole, deadlines).runner().catchUp(SegmentLeases.sole().maintain());
    assertEquals(0, submitted(0));
    assertEquals(1, deadlines.scheduled("checkout:" + cart(0)).size(), "the reminder is scheduled");

    addItem(0);
    // A new runner (a restart) folds the instance from the start of the log, reacting to nothing twice.
    ProcessWork<Basket> work = process(whole, deadlines).work();
    SegmentRunner<?> runner = process(whole, deadlines).runner(work);
    runner.catchUp(SegmentLeases.sole().maintain());
    assertEquals(1, submitted(0), "the second item submitted the cart");
    runner.catchUp(SegmentLeases.sole().maintain());
    RecordedEvent second = events(0).get(2);
    assertEquals("process:checkout:" + second.eventId() + ":0", events(0).get(3).metadata()
        .get(CommandHandler.COMMAND_ID), "the command id a ProcessRunner gives it");
    assertEquals(List.of(), deadlines.scheduled("checkout:" + cart(0)), "the submitted cart's reminder went");
    assertEquals(Optional.empty(), work.state(cart(0).toString()), "it ended");
    assertEquals(store.readAll(0, 100).get(3).globalPosition(), checkpoints.read("process:checkout").position());
  }

  @Test
  void a_segment_lost_during_a_page_is_taken_over_folded_from_the_start_and_each_command_is_issued_once() {
    int carts = 20;
    for (int i = 0; i < carts; i++) {
      bus.dispatch(new CreateCart(cart(i), "c" + i));
      addItem(i);
    }
    SplitCheckpoints split = new SplitCheckpoints("process:checkout", 2, checkpoints);
    ProcessWork<Basket> a = process(split, deadlines).work();
    List<Lease> first = List.of(split.claim(0), split.claim(1));
    assertEquals(first, process(split, deadlines).runner(a).catchUp(first));

    for (int i = 0; i < carts; i++) {
      addItem(i);
    }
    // Instance b claims segment 1 while a works its next page: a's page for it is refused and a drops it.
    List<Lease> second = new ArrayList<>();
    split.beforeCommit = () -> second.add(split.claim(1));
    assertEquals(List.of(first.get(0)), process(split, deadlines).runner(a).catchUp(first));
    ProcessWork<Basket> b = process(split, deadlines).work();
    assertEquals(second, process(split, deadlines).runner(b).catchUp(second));

    for (int i = 0; i < carts; i++) {
      String key = cart(i).toString();
      boolean inFirst = new Segment(0, 2).contains(key);
      assertEquals(1, submitted(i), "cart " + i + " was submitted once");
      assertEquals(Optional.empty(), (inFirst ? a : b).state(key), "its holder saw it end");
    }
    assertEquals(carts * 4, store.readAll(0, 1000).size(), "created, two items and submitted: nothing twice");
    int decided = decisions.get();

    // Another pair of items: the holders' folded states are exact (three items: nothing to do, so
    // a state folded twice or missing an item would have submitted again or been ended wrongly).
    bus.dispatch(new CreateCart(cart(100), "late"));
    addItem(100);
    addItem(100);
    process(split, deadlines).runner(a).catchUp(List.of(first.get(0)));
    process(split, deadlines).runner(b).catchUp(second);
    assertEquals(1, submitted(100));
    assertEquals(decided + 4, decisions.get(), "the late cart's create, items and submit; nothing repeated");
  }

  @Test
  void deadlines_are_fired_by_the_holder_of_their_segment_only_and_once() {
    int carts = 12;
    for (int i = 0; i < carts; i++) {
      bus.dispatch(new CreateCart(cart(i), "c" + i));
    }
    SplitCheckpoints split = new SplitCheckpoints("process:checkout", 2, checkpoints);
    ProcessWork<Basket> a = process(split, deadlines).work();
    ProcessWork<Basket> b = process(split, deadlines).work();
    List<Lease> heldByA = List.of(split.claim(0));
    List<Lease> heldByB = List.of(split.claim(1));
    process(split, deadlines).runner(a).catchUp(heldByA);
    process(split, deadlines).runner(b).catchUp(heldByB);
    assertEquals(0, IntStream.range(0, carts).mapToLong(this::reminded).sum(), "not yet");

    clock.advance(Duration.ofMinutes(2));
    process(split, deadlines).runner(a).catchUp(heldByA);
    for (int i = 0; i < carts; i++) {
      boolean inFirst = new Segment(0, 2).contains(cart(i).toString());
      assertEquals(inFirst ? 1 : 0, reminded(i), "cart " + i + ": only a's segment was reminded by a");
    }
    process(split, deadlines).runner(b).catchUp(heldByB);
    process(split, deadlines).runner(a).catchUp(heldByA);
    process(split, deadlines).runner(b).catchUp(heldByB);
    for (int i = 0; i < carts; i++) {
      assertEquals(1, reminded(i), "cart " + i + " was reminded once");
      assertEquals(List.of(), deadlines.scheduled("checkout:" + cart(i)), "its deadline was completed");
      String key = cart(i).toString();
      assertEquals(1, a.state(key).or(() -> b.state(key)).orElseThrow().items(),
          "its holder folded the reminder");
    }
  }

  @Test
  void a_holder_deposed_after_claiming_a_deadline_does_not_fire_it_and_the_new_holder_does_later() {
    bus.dispatch(new CreateCart(cart(0), "ann"));
    SplitCheckpoints split = new SplitCheckpoints("process:checkout", 1, checkpoints);
    List<Lease> heldByA = List.of(split.claim(0));
    List<Lease> heldByB = new ArrayList<>();
    // Instance b claims the segment just after a claimed the due deadline.
    DeadlineStore deposing = deposing(() -> heldByB.add(split.claim(0)));
    ProcessWork<Basket> a = process(split, deposing).work();
    process(split, deposing).runner(a).catchUp(heldByA);
    clock.advance(Duration.ofMinutes(2));

    assertEquals(List.of(), process(split, deposing).runner(a).catchUp(heldByA), "a found it lost the segment");
    assertEquals(0, reminded(0), "and fired nothing");
    ProcessWork<Basket> b = process(split, deadlines).work();
    process(split, deadlines).runner(b).catchUp(heldByB);
    assertEquals(0, reminded(0), "a's claim holds the deadline for its lease");
    clock.advance(Duration.ofMinutes(1));
    process(split, deadlines).runner(b).catchUp(heldByB);
    assertEquals(1, reminded(0), "then b fires it");
    process(split, deadlines).runner(b).catchUp(heldByB);
    assertEquals(1, reminded(0));
  }

  @Test
  void a_holder_that_loses_one_of_its_segments_after_claiming_fires_the_deadlines_of_the_others() {
    int carts = 12;
    for (int i = 0; i < carts; i++) {
      bus.dispatch(new CreateCart(cart(i), "c" + i));
    }
    SplitCheckpoints split = new SplitCheckpoints("process:checkout", 2, checkpoints);
    List<Lease> heldByA = List.of(split.claim(0), split.claim(1));
    // Instance b claims segment 1 just after a claimed the due deadlines of both.
    DeadlineStore deposing = deposing(() -> split.claim(1));
    ProcessWork<Basket> a = process(split, deposing).work();
    process(split, deposing).runner(a).catchUp(heldByA);
    clock.advance(Duration.ofMinutes(2));

    assertEquals(List.of(heldByA.get(0)), process(split, deposing).runner(a).catchUp(heldByA));
    for (int i = 0; i < carts; i++) {
      boolean inFirst = new Segment(0, 2).contains(cart(i).toString());
      assertEquals(inFirst ? 1 : 0, reminded(i), "cart " + i + ": a fired the deadlines of the segment it kept");
    }
  }

  @Test
  void checkpoints_of_another_runner_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> SegmentedProcess.of("checkout", store, CartCodec.INSTANCE,
        new Checkout(), bus, SegmentedCheckpoints.whole(checkpoints, "checkout"), deadlines));
  }

  /** The deadlines, running {@code meanwhile} once, right after the first claim of some owners that claims any. */
  private DeadlineStore deposing(Runnable meanwhile) {
    boolean[] ran = {false};
    return new DelegatingDeadlines(deadlines) {
      @Override
      public List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners) {
        List<DueDeadline> claimed = super.claimDue(now, lease, limit, owners);
        if (!claimed.isEmpty() && !ran[0]) {
          ran[0] = true;
          meanwhile.run();
        }
        return claimed;
      }
    };
  }

  /** A deadline store that hands every call to another. */
  private static class DelegatingDeadlines implements DeadlineStore {
    private final DeadlineStore deadlines;

    DelegatingDeadlines(DeadlineStore deadlines) {
      this.deadlines = deadlines;
    }

    @Override
    public long schedule(Deadline deadline, long cause) {
      return deadlines.schedule(deadline, cause);
    }

    @Override
    public boolean cancel(String owner, String name, long cause) {
      return deadlines.cancel(owner, name, cause);
    }

    @Override
    public List<DueDeadline> claimDue(Instant now, Duration lease, int limit) {
      return deadlines.claimDue(now, lease, limit);
    }

    @Override
    public List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners) {
      return deadlines.claimDue(now, lease, limit, owners);
    }

    @Override
    public boolean complete(DueDeadline fired) {
      return deadlines.complete(fired);
    }

    @Override
    public List<DueDeadline> scheduled(String owner) {
      return deadlines.scheduled(owner);
    }
  }
}
