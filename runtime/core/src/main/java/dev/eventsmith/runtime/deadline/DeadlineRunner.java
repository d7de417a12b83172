package dev.eventsmith.runtime.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fires the deadlines that are due by its clock: claims them from a {@link DeadlineStore} under a
 * lease, hands each to a handler (a process runner) and completes it. Several runners may share a
 * store: a claimed deadline is not claimed again until its lease ends. A handler that throws stops
 * the runner; the deadline it failed on, and the rest of its batch, are claimed again once their
 * lease ends. The clock is injected, so tests move time by hand. Not thread-safe: give each thread
 * its own runner.
 */
public final class DeadlineRunner {

  /** What fires a deadline: its effects should be idempotent by {@link DueDeadline#id()}. */
  @FunctionalInterface
  public interface Handler {
    /** Fires {@code due} at {@code now}, the runner's clock's instant when it claimed it. */
    void fire(DueDeadline due, Instant now);
  }

  private static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);
  private static final int BATCH = 100;

  private final DeadlineStore store;
  private final Clock clock;
  private final Handler handler;
  private final Duration lease;

  public DeadlineRunner(DeadlineStore store, Clock clock, Handler handler) {
    this(store, clock, handler, DEFAULT_LEASE);
  }

  private DeadlineRunner(DeadlineStore store, Clock clock, Handler handler, Duration lease) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handler = Objects.requireNonNull(handler, "handler");
    DeadlineStore.checkClaim(Instant.EPOCH, lease, 1);
    this.lease = lease;
  }

  /** A runner whose claims hold a deadline for {@code lease}: longer than firing one batch takes. */
  public DeadlineRunner withLease(Duration lease) {
    return new DeadlineRunner(store, clock, handler, lease);
  }

  /** Fires every deadline due now, earliest first; answers how many it fired. */
  public int fireDue() {
    int fired = 0;
    while (true) {
      Instant now = clock.instant();
      List<DueDeadline> due = store.claimDue(now, lease, BATCH);
      if (due.isEmpty()) {
        return fired;
      }
      for (DueDeadline deadline : due) {
        handler.fire(deadline, now);
        store.complete(deadline);
        fired++;
      }
    }
  }
}
