package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one view up to date on a thread of its own: catches up from the view's checkpoint, then
 * follows new events, reading the log again at every poll interval or at once when an
 * {@link AppendSignal} fires. Several live projections of one view (in one process or many) may
 * run at once: each page is applied by compare-and-set on the checkpoint, so every event counts
 * once, whichever applies it.
 *
 * <p>What is retried, and what is not:
 *
 * <ul>
 *   <li>A lost connection, a restarting server, a locked database ({@link
 *       StoreUnavailableException}) is retried by itself, after a pause that doubles from
 *       100 ms up to 5 s, resuming at the stored checkpoint, also when the store is unavailable as
 *       the projection starts; {@link #failures()} counts them and {@link #lastFailure()} keeps the
 *       latest, so an operator sees a flapping database.
 *   <li>Anything else is a fault that retrying cannot mend (a projector that throws, an event that
 *       does not decode or whose type is unknown, a store that failed for good): the projection
 *       stops and keeps it for {@link #failure()} and {@link #awaitCheckpoint}, rather than retry
 *       silently forever. Fix the cause and start it again; it resumes at the checkpoint.
 * </ul>
 */
public final class LiveProjection implements AutoCloseable {

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final String name;
  private final ProjectionRunner<?, ?> runner;
  private final long pollMillis;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Object progress = new Object();
  private final Thread thread;
  private final AppendSignal.Registration registration;
  private volatile boolean closed;
  private volatile long checkpoint;
  private volatile Throwable failure;
  private final AtomicLong failures = new AtomicLong();
  private volatile Throwable lastFailure;
  private final CountDownLatch closing = new CountDownLatch(1);

  private LiveProjection(ProjectionRunner<?, ?> runner, Duration pollInterval, Optional<AppendSignal> signal, String name) {
    this.name = name;
    this.runner = runner;
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.checkpoint = startingCheckpoint(runner);
    this.thread = new Thread(this::follow, "eventsmith-projection " + name);
    thread.setDaemon(true);
    this.registration = signal.map(s -> s.onAppend(wakeUps::release)).orElse(() -> { });
    thread.start();
  }

  private static long startingCheckpoint(ProjectionRunner<?, ?> runner) {
    try {
      return runner.checkpoint();
    } catch (StoreUnavailableException notYet) {
      // The thread retries until the store is back; until then nothing is known to be applied.
      return 0;
    }
  }

  /** Starts following the log, polling every {@code pollInterval}. */
  public static LiveProjection start(String name, ProjectionRunner<?, ?> runner, Duration pollInterval) {
    return new LiveProjection(Objects.requireNonNull(runner, "runner"), checked(pollInterval), Optional.empty(),
        Objects.requireNonNull(name, "name"));
  }

  /** Starts following the log, reading at once when {@code signal} fires and at least every {@code pollInterval}. */
  public static LiveProjection start(String name, ProjectionRunner<?, ?> runner, Duration pollInterval,
      AppendSignal signal) {
    return new LiveProjection(Objects.requireNonNull(runner, "runner"), checked(pollInterval),
        Optional.of(Objects.requireNonNull(signal, "signal")), Objects.requireNonNull(name, "name"));
  }

  private static Duration checked(Duration pollInterval) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    return pollInterval;
  }

  private void follow() {
    try {
      long pause = 0;
      while (!closed) {
        try {
          // Permits taken before reading: a wake-up that arrives while we read makes us read again.
          wakeUps.drainPermits();
          runner.catchUp(() -> closed);
          publish(runner.checkpoint());
          pause = 0;
          wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        } catch (StoreUnavailableException lost) {
          failures.incrementAndGet();
          lastFailure = lost;
          pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
          closing.await(pause, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts a wait; the loop condition ends the thread.
    } catch (RuntimeException | Error e) {
      synchronized (progress) {
        // Pages applied before the failure are kept; say where the view really stopped.
        try {
          checkpoint = runner.checkpoint();
        } catch (RuntimeException unreadable) {
          e.addSuppressed(unreadable);
        }
        failure = e;
        progress.notifyAll();
      }
    } finally {
      registration.close();
    }
  }

  private void publish(long position) {
    synchronized (progress) {
      checkpoint = position;
      progress.notifyAll();
    }
  }

  /** The global position the view had applied at the end of its last catch-up. */
  public long checkpoint() {
    return checkpoint;
  }

  /** Why the projection stopped on its own; empty while it runs and after a plain {@link #close()}. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many times the store was unavailable and the projection paused and retried, since it started. */
  public long failures() {
    return failures.get();
  }

  /** The latest time the store was unavailable, if it ever was; the projection retried after it. */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Whether the projection is still following the log. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Waits until the view has applied the log up to {@code position} (the position an append
   * returned, say): for tests, and for a reader that wants to see its own write.
   *
   * @return false if {@code timeout} passed first
   * @throws IllegalStateException if the projection failed, with the failure as its cause
   */
  public boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (checkpoint < position) {
        if (failure != null) {
          throw new IllegalStateException("the projection " + name
              + " stopped at position " + checkpoint + ": " + failure.getMessage(), failure);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  /** Stops following the log after the page being applied, if any; the checkpoint stays stored. */
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
