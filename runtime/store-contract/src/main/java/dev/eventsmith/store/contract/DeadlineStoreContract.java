package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.deadline.Deadline;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DeadlineStore} must have, and a {@link DeadlineRunner} on it.
 * Subclass it and implement {@link #openDeadlines}; JUnit runs the contract.
 */
public abstract class DeadlineStoreContract {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  /**
   * Opens the deadlines of this test's database, as another process would: a new object each call
   * for a durable store, all of them on the same deadlines. The contract closes them.
   */
  protected abstract DeadlineStore openDeadlines();

  private final List<DeadlineStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(DeadlineStore::close);
  }

  protected DeadlineStore deadlines() {
    DeadlineStore deadlines = openDeadlines();
    synchronized (opened) {
      opened.add(deadlines);
    }
    return deadlines;
  }

  private static Deadline expire(String owner, Instant due) {
    return new Deadline(owner, "expire", due);
  }

  @Test
  void a_deadline_is_claimed_when_due_not_before_and_by_every_store_object() {
    DeadlineStore deadlines = deadlines();
    long schedule = deadlines.schedule(expire("Transfer:1", T0.plusSeconds(3600)), 1);

    assertEquals(List.of(), deadlines.claimDue(T0.plusSeconds(3599), LEASE, 10), "not due yet");
    List<DueDeadline> due = deadlines().claimDue(T0.plusSeconds(3600), LEASE, 10);
    assertEquals(List.of(new DueDeadline(expire("Transfer:1", T0.plusSeconds(3600)), schedule)), due);
  }

  @Test
  void a_claim_of_some_owners_claims_only_their_due_deadlines_however_many_owners_it_names() {
    DeadlineStore deadlines = deadlines();
    for (int i = 0; i < 4; i++) {
      deadlines.schedule(expire("Transfer:" + i, T0), 1);
    }
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      owners.add("Transfer:x" + i);
    }
    owners.add(700, "Transfer:1");
    owners.add("Transfer:3");

    List<DueDeadline> claimed = deadlines().claimDue(T0, LEASE, 10, owners);
    assertEquals(Set.of("Transfer:1", "Transfer:3"), claimed.stream().map(d -> d.deadline().owner())
        .collect(Collectors.toSet()), "only the named owners' deadlines");
    assertEquals(List.of(), deadlines().claimDue(T0, LEASE, 10, owners), "they are leased now");
    assertEquals(List.of(), deadlines().claimDue(T0, LEASE, 10, List.of()), "no owner: nothing");
    assertEquals(1, deadlines().claimDue(T0, LEASE, 1, List.of("Transfer:0", "Transfer:2")).size(), "the limit holds");
    assertEquals(1, deadlines().claimDue(T0, LEASE, 10).size(), "the other is left to a claim of any owner");
  }

  @Test
  void a_claimed_deadline_is_not_claimed_again_until_its_lease_ends() {
    DeadlineStore deadlines = deadlines();
    deadlines.schedule(expire("Transfer:1", T0), 1);
    assertEquals(1, deadlines.claimDue(T0, LEASE, 10).size());

    assertEquals(List.of(), deadlines().claimDue(T0.plus(LEASE).minusMillis(1), LEASE, 10), "still leased");
    assertEquals(1, deadlines().claimDue(T0.plus(LEASE), LEASE, 10).size(), "the claimer died: claimed again");
  }

  @Test
  void a_completed_deadline_is_gone_and_a_rescheduled_one_stays_with_a_new_schedule_number() {
    DeadlineStore deadlines = deadlines();
    long first = deadlines.schedule(expire("Transfer:1", T0), 1);
    DueDeadline claimed = deadlines.claimDue(T0, LEASE, 10).get(0);
    long second = deadlines().schedule(expire("Transfer:1", T0.plusSeconds(60)), 2);

    assertTrue(second > first);
    assertFalse(deadlines.complete(claimed), "scheduled again since the claim: the new schedule stays");
    assertEquals(List.of(new DueDeadline(expire("Transfer:1", T0.plusSeconds(60)), second)),
        deadlines().scheduled("Transfer:1"));
    DueDeadline again = deadlines.claimDue(T0.plusSeconds(60), LEASE, 10).get(0);
    assertTrue(deadlines.complete(again));
    assertEquals(List.of(), deadlines().scheduled("Transfer:1"));
    assertEquals(List.of(), deadlines().claimDue(T0.plusSeconds(3600), LEASE, 10));

    long third = deadlines().schedule(expire("Transfer:1", T0), 3);
    assertTrue(third > second, "a schedule number never comes back, so neither do the ids of what it fires");
    assertNotEquals(again.id(), deadlines.claimDue(T0, LEASE, 10).get(0).id());
  }

  @Test
  void a_cancelled_deadline_never_fires() {
    DeadlineStore deadlines = deadlines();
    deadlines.schedule(expire("Transfer:1", T0), 1);
    deadlines.schedule(new Deadline("Transfer:1", "remind", T0), 1);

    assertTrue(deadlines().cancel("Transfer:1", "expire", 2));
    assertFalse(deadlines().cancel("Transfer:1", "expire", 3));
    assertFalse(deadlines().cancel("Transfer:2", "expire", 3));
    List<DueDeadline> due = deadlines.claimDue(T0.plusSeconds(1), LEASE, 10);
    assertEquals(List.of("remind"), due.stream().map(d -> d.deadline().name()).toList());
  }

  @Test
  @Tag("reliability")
  void a_change_caused_by_an_event_read_again_changes_nothing() {
    DeadlineStore deadlines = deadlines();
    long first = deadlines.schedule(expire("Transfer:1", T0), 5);
    DueDeadline fired = deadlines.claimDue(T0, LEASE, 10).get(0);
    assertTrue(deadlines.complete(fired));

    assertEquals(first, deadlines().schedule(expire("Transfer:1", T0), 5), "the event at 5 read again");
    assertEquals(List.of(), deadlines().claimDue(T0.plusSeconds(1), LEASE, 10), "a fired deadline stays fired");

    long later = deadlines().schedule(expire("Transfer:1", T0.plusSeconds(60)), 7);
    assertTrue(deadlines().cancel("Transfer:1", "expire", 9));
    assertEquals(later, deadlines().schedule(expire("Transfer:1", T0.plusSeconds(60)), 7), "the event at 7 again");
    assertFalse(deadlines().cancel("Transfer:1", "expire", 9));
    assertEquals(List.of(), deadlines().scheduled("Transfer:1"), "a cancelled deadline is not revived");
    assertTrue(deadlines().schedule(expire("Transfer:1", T0.plusSeconds(60)), 10) > later, "a new event schedules");
  }

  @Test
  void claims_take_the_earliest_first_up_to_the_limit() {
    DeadlineStore deadlines = deadlines();
    for (int i = 5; i >= 1; i--) {
      deadlines.schedule(expire("Transfer:" + i, T0.plusSeconds(i)), 1);
    }
    assertEquals(List.of("Transfer:1", "Transfer:2"), owners(deadlines.claimDue(T0.plusSeconds(10), LEASE, 2)));
    assertEquals(List.of("Transfer:3", "Transfer:4", "Transfer:5"),
        owners(deadlines().claimDue(T0.plusSeconds(10), LEASE, 10)));
    assertThrows(IllegalArgumentException.class, () -> deadlines.claimDue(T0, LEASE, 0));
    assertThrows(IllegalArgumentException.class, () -> deadlines.claimDue(T0, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> deadlines.schedule(expire("", T0), 1));
  }

  @Test
  @Tag("reliability")
  void of_runners_racing_for_the_same_due_deadlines_each_deadline_goes_to_one() throws Exception {
    int count = 120;
    int runners = 4;
    DeadlineStore seeding = deadlines();
    for (int i = 0; i < count; i++) {
      seeding.schedule(expire("Transfer:" + i, T0.plusMillis(i)), 1);
    }
    CyclicBarrier barrier = new CyclicBarrier(runners);
    ExecutorService pool = Executors.newFixedThreadPool(runners);
    List<String> fired = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int r = 0; r < runners; r++) {
        DeadlineStore own = deadlines();
        ManualClock clock = new ManualClock(T0.plusSeconds(1));
        DeadlineRunner runner = new DeadlineRunner(own, clock, (due, now) -> fired.add(due.id())).withLease(LEASE);
        runs.add(pool.submit(() -> {
          barrier.await(60, TimeUnit.SECONDS);
          return runner.fireDue();
        }));
      }
      int total = 0;
      for (Future<Integer> run : runs) {
        total += run.get(120, TimeUnit.SECONDS);
      }
      assertEquals(count, total);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(count, fired.size(), "each fired once");
    assertEquals(count, new HashSet<>(fired).size());
    assertEquals(List.of(), deadlines().claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10), "all completed");
  }

  @Test
  void a_runner_fires_what_its_clock_says_is_due_and_a_failed_deadline_again_after_its_lease() {
    DeadlineStore deadlines = deadlines();
    deadlines.schedule(expire("Transfer:1", T0.plus(Duration.ofHours(1))), 1);
    deadlines.schedule(expire("Transfer:2", T0.plus(Duration.ofHours(2))), 1);
    ManualClock clock = new ManualClock(T0);
    List<String> fired = new ArrayList<>();
    Set<String> failOnce = new HashSet<>(Set.of("Transfer:2"));
    DeadlineRunner runner = new DeadlineRunner(deadlines, clock, (due, now) -> {
      if (failOnce.remove(due.deadline().owner())) {
        throw new IllegalStateException("the handler failed");
      }
      fired.add(due.deadline().owner() + "@" + now);
    }).withLease(LEASE);

    assertEquals(0, runner.fireDue());
    clock.advance(Duration.ofHours(1));
    assertEquals(1, runner.fireDue());
    clock.advance(Duration.ofHours(1));
    assertThrows(IllegalStateException.class, runner::fireDue);
    assertEquals(0, runner.fireDue(), "still leased by the failed attempt");
    clock.advance(LEASE);
    assertEquals(1, runner.fireDue());

    assertEquals(List.of("Transfer:1@" + T0.plus(Duration.ofHours(1)),
        "Transfer:2@" + T0.plus(Duration.ofHours(2)).plus(LEASE)), fired);
  }

  private static List<String> owners(List<DueDeadline> due) {
    return due.stream().map(d -> d.deadline().owner()).toList();
  }
}
