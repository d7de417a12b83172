package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance's share of a segmented runner, kept up to date on a thread of its own: it maintains
 * its leases ({@link SegmentLeases#maintain}: renew, hand back extras, claim up to its fair share)
 * between pages at least every {@link SegmentLeases#renewInterval()} (and renews them between the
 * events of a page that takes longer, so a slow page never costs its lease), catches the segments it holds
 * up with the log, then follows new events, at every poll interval or at once when an {@link
 * AppendSignal} fires. {@link #close()} hands its segments back after the page being applied, so
 * other instances take them over at once.
 *
 * <p>As with {@link dev.eventsmith.runtime.projection.LiveProjection}: a store that is unavailable
 * for now ({@link StoreUnavailableException}) is retried after a pause that doubles from 100 ms up
 * to 5 s, and counted; anything else (a projector or automation that throws, an event that does not
 * decode) stops this instance's share, is kept in {@link #failure()}, and is written to the status
 * table for the segments it held. Its leases then expire and other instances take the segments
 * over (and stop at the same event, if the fault is in the event).
 */
public final class LiveSegments implements AutoCloseable {

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final String name;
  private final SegmentRunner<?> runner;
  private final SegmentLeases leases;
  private final long pollMillis;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Object progress = new Object();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AppendSignal.Registration registration;
  private final Thread thread;
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean closed;
  /** When the leases are next due for renewal, on the runner's thread only. */
  private long nextRenewal;
  private volatile List<Lease> held = List.of();
  private volatile Throwable failure;
  private volatile Throwable lastFailure;

  private LiveSegments(SegmentRunner<?> runner, SegmentLeases leases, Duration pollInterval,
      Optional<AppendSignal> signal) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.name = runner.name();
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.registration = signal.map(s -> s.onAppend(wakeUps::release)).orElse(() -> { });
    this.thread = new Thread(this::follow, "eventsmith-segments " + name + " " + leases.owner());
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts this instance's share of {@code runner}, polling the log every {@code pollInterval}. */
  public static LiveSegments start(SegmentRunner<?> runner, SegmentLeases leases, Duration pollInterval) {
    return new LiveSegments(runner, leases, pollInterval, Optional.empty());
  }

  /** As {@link #start(SegmentRunner, SegmentLeases, Duration)}, reading at once when {@code signal} fires. */
  public static LiveSegments start(SegmentRunner<?> runner, SegmentLeases leases, Duration pollInterval,
      AppendSignal signal) {
    return new LiveSegments(runner, leases, pollInterval, Optional.of(Objects.requireNonNull(signal, "signal")));
  }

  private void follow() {
    long renewNanos = leases.renewInterval().toNanos();
    long nextMaintenance = System.nanoTime();
    long pause = 0;
    try {
      while (!closed) {
        try {
          if (System.nanoTime() - nextMaintenance >= 0) {
            held = leases.maintain();
            nextMaintenance = System.nanoTime() + renewNanos;
            nextRenewal = nextMaintenance;
          }
          long due = nextMaintenance;
          // Permits taken before reading: a wake-up that arrives while we read makes us read again.
          wakeUps.drainPermits();
          held = runner.catchUp(held, () -> closed || System.nanoTime() - due >= 0, this::renewIfDue);
          published();
          pause = 0;
          long untilMaintenance = TimeUnit.NANOSECONDS.toMillis(nextMaintenance - System.nanoTime());
          wakeUps.tryAcquire(Math.max(0, Math.min(pollMillis, untilMaintenance)), TimeUnit.MILLISECONDS);
        } catch (StoreUnavailableException lost) {
          failures.incrementAndGet();
          lastFailure = lost;
          pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
          closing.await(pause, TimeUnit.MILLISECONDS);
        }
      }
      try {
        leases.release();
      } catch (RuntimeException notReleased) {
        // The leases expire by themselves; others just wait longer for them.
        lastFailure = notReleased;
      }
      held = List.of();
    } catch (InterruptedException e) {
      // close() interrupts a wait; the loop condition ends the thread.
    } catch (RuntimeException | Error e) {
      try {
        leases.recordError(held, e);
      } catch (RuntimeException unrecorded) {
        e.addSuppressed(unrecorded);
      }
      synchronized (progress) {
        failure = e;
        progress.notifyAll();
      }
    } finally {
      registration.close();
    }
  }

  /** Between two events of a long page: renews the leases when they are due, so the page keeps them. */
  private void renewIfDue() {
    if (System.nanoTime() - nextRenewal >= 0) {
      leases.renew();
      nextRenewal = System.nanoTime() + leases.renewInterval().toNanos();
    }
  }

  private void published() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** The leases this instance held at the end of its last page. */
  public List<Lease> held() {
    return held;
  }

  /** How far each segment this instance holds has applied the log, as of its last page. */
  public Map<Segment, Long> positions() {
    return runner.positions();
  }

  /** Why this instance's share stopped on its own; empty while it runs and after a plain {@link #close()}. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many times the store was unavailable and the runner paused and retried. */
  public long failures() {
    return failures.get();
  }

  /** The latest time the store was unavailable, if it ever was. */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Whether this instance's share still follows the log. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Waits until this instance holds at least one segment and every segment it holds has applied the
   * log up to {@code position}: for tests, and for a reader that wants to see its own write when one
   * instance holds the whole runner.
   *
   * @return false if {@code timeout} passed first
   * @throws IllegalStateException if the runner failed, with the failure as its cause
   */
  public boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!reached(position)) {
        if (failure != null) {
          throw new IllegalStateException(name + " stopped at " + positions() + ": " + failure.getMessage(), failure);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, TimeUnit.MILLISECONDS.toNanos(pollMillis)));
      }
      return true;
    }
  }

  private boolean reached(long position) {
    Map<Segment, Long> now = positions();
    return !now.isEmpty() && now.values().stream().allMatch(p -> p >= position);
  }

  /** Stops after the page being applied, if any, and hands this instance's segments back. */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    wakeUps.release();
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    registration.close();
  }
}
