package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A thread that follows the log for a live runner ({@link LiveProjection}, {@link
 * dev.eventsmith.runtime.segment.LiveSegments}): it runs one {@link Round} after another, waiting
 * between them until the poll interval passes or an {@link AppendSignal} fires. A store that is
 * unavailable for now ({@link StoreUnavailableException}) is retried after a pause that doubles
 * from 100 ms up to 5 s, and counted; anything else stops the thread and is kept as its {@link
 * #failure()}. Public for the segment package; not an API of its own.
 */
public final class LogFollower implements AutoCloseable {

  /** What the thread does: rounds of catching up, and what it does when it stops. */
  public interface Round {
    /**
     * Catches up once, returning early once {@code closed} says so; answers how long to wait at
     * most, in milliseconds, before the next round (the poll interval, or less).
     *
     * @throws StoreUnavailableException to be retried after a pause
     */
    long run(BooleanSupplier closed);

    /** After the last round, when the follower was closed. */
    default void closed() {}

    /** When a round failed for good, before the failure is published (awaiters are held meanwhile). */
    default void failed(Throwable failure) {}
  }

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final Round round;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Object progress = new Object();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong failures = new AtomicLong();
  private final AppendSignal.Registration registration;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Throwable lastFailure;

  private LogFollower(String threadName, Optional<AppendSignal> signal, Round round) {
    this.round = Objects.requireNonNull(round, "round");
    this.registration = signal.map(s -> s.onAppend(wakeUps::release)).orElse(() -> { });
    this.thread = new Thread(this::follow, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts a daemon thread named {@code threadName} that runs {@code round} until closed, woken by {@code signal}. */
  public static LogFollower start(String threadName, Optional<AppendSignal> signal, Round round) {
    return new LogFollower(threadName, signal, round);
  }

  /**
   * Checks a poll interval and answers it in milliseconds (at least 1).
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public static long pollMillis(Duration pollInterval) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    return Math.max(1, pollInterval.toMillis());
  }

  private void follow() {
    long pause = 0;
    try {
      while (!closed) {
        try {
          // Permits taken before reading: a wake-up that arrives while we read makes us read again.
          wakeUps.drainPermits();
          long wait = round.run(() -> closed);
          published();
          pause = 0;
          wakeUps.tryAcquire(Math.max(0, wait), TimeUnit.MILLISECONDS);
        } catch (StoreUnavailableException lost) {
          failures.incrementAndGet();
          lastFailure = lost;
          pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
          closing.await(pause, TimeUnit.MILLISECONDS);
        }
      }
      round.closed();
    } catch (InterruptedException e) {
      // close() interrupts a wait; the loop condition ends the thread.
    } catch (RuntimeException | Error e) {
      synchronized (progress) {
        try {
          round.failed(e);
        } catch (RuntimeException unrecorded) {
          e.addSuppressed(unrecorded);
        }
        failure = e;
        progress.notifyAll();
      }
    } finally {
      registration.close();
    }
  }

  /** Tells awaiters that progress was made. */
  public void published() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** Notes a failure that was retried or survived, for {@link #lastFailure()}. */
  public void survived(Throwable failure) {
    lastFailure = failure;
  }

  /**
   * Waits until {@code reached} says so, checking it whenever progress is published and at least
   * every {@code recheck}.
   *
   * @return false if {@code timeout} passed first
   * @throws IllegalStateException if the follower failed, with {@code stopped} of the failure as
   *     its message and the failure as its cause
   */
  public boolean await(BooleanSupplier reached, Duration timeout, Duration recheck,
      Function<Throwable, String> stopped) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!reached.getAsBoolean()) {
        if (failure != null) {
          throw new IllegalStateException(stopped.apply(failure), failure);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, recheck.toNanos()));
      }
      return true;
    }
  }

  /** Why the thread stopped on its own; empty while it runs and after a plain {@link #close()}. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many times the store was unavailable and the round was retried after a pause. */
  public long failures() {
    return failures.get();
  }

  /** The latest failure that was retried or survived, if any. */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Whether the thread still follows the log. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Stops after the round being run, if any, and waits for the thread to end (unless called on it). */
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
