package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * One automation or process of a service, following the log on a thread of its own while the service runs
 * (a process also fires its due deadlines after each catch-up):
 * it catches up from its durable checkpoint, then handles new events at once when the store
 * signals appends, and at least every poll interval. As with live projections, a store that is
 * unavailable for now is retried after a pause that doubles from 100 ms up to 5 s, and counted;
 * any other fault (an automation that throws, an event that does not decode) stops it and is kept
 * in {@link #failure()}. Commands it issues carry command ids, so a restart records none twice.
 */
public final class RunningAutomation {

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final String name;
  private final IntSupplier catchUp;
  private final LongSupplier checkpoint;
  private final EventStore events;
  private final Clock clock;
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong issued = new AtomicLong();
  private volatile Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Throwable lastRetry;
  private final Semaphore wakeUps = new Semaphore(0);
  private final CountDownLatch closing = new CountDownLatch(1);
  private AppendSignal.Registration registration = () -> { };

  /**
   * @param catchUp handles the events after the checkpoint; answers the number of commands issued
   * @param checkpoint the global position of the last event handled, as stored
   */
  RunningAutomation(String name, IntSupplier catchUp, LongSupplier checkpoint, EventStore events, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = clock;
  }

  /** The automation's name in the model; its checkpoint is kept under it. */
  public String name() {
    return name;
  }

  /** The global position of the last event handled, as stored. */
  public long checkpoint() {
    return checkpoint.getAsLong();
  }

  /** How long the oldest event the automation has not handled has waited; zero when it is caught up. */
  public Duration lag() {
    return Lag.of(events, checkpoint(), clock);
  }

  /** The commands it dispatched since the service started (a repeat answered from the log included). */
  public long issued() {
    return issued.get();
  }

  /** Whether it follows the log: false before the service starts and once it stopped on a fault. */
  public boolean isRunning() {
    Thread following = thread;
    return following != null && following.isAlive();
  }

  /** The fault that stopped it, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How often the store was unavailable and it paused and retried. */
  public long retries() {
    return retries.get();
  }

  /** The latest time the store was unavailable, if ever. */
  public Optional<Throwable> lastRetry() {
    return Optional.ofNullable(lastRetry);
  }

  synchronized void start(Duration pollInterval, Optional<AppendSignal> signal) {
    if (thread != null) {
      return;
    }
    long pollMillis = Math.max(1, pollInterval.toMillis());
    registration = signal.map(s -> s.onAppend(wakeUps::release)).orElse(() -> { });
    Thread following = new Thread(() -> follow(pollMillis), "eventsmith-automation " + name);
    following.setDaemon(true);
    thread = following;
    following.start();
  }

  private void follow(long pollMillis) {
    try {
      long pause = 0;
      while (!closed) {
        try {
          wakeUps.drainPermits();
          issued.addAndGet(catchUp.getAsInt());
          pause = 0;
          wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        } catch (StoreUnavailableException lost) {
          retries.incrementAndGet();
          lastRetry = lost;
          pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
          closing.await(pause, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      // stop() ends a wait; the loop condition ends the thread.
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      registration.close();
    }
  }

  /** Stops after the events being handled; the checkpoint stays stored. */
  synchronized void stop() {
    closed = true;
    closing.countDown();
    wakeUps.release();
    Thread following = thread;
    if (following != null && following != Thread.currentThread()) {
      try {
        following.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    registration.close();
  }
}
