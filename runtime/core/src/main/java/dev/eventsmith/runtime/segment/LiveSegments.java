package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.projection.LogFollower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One instance's share of a segmented runner, kept up to date on a thread of its own: it maintains
 * its leases ({@link SegmentLeases#maintain}: renew, hand back extras, claim up to its fair share)
 * between pages at least every {@link SegmentLeases#renewInterval()} (and renews them between the
 * events of a page that takes longer, so a slow page never costs its lease), catches the segments it holds
 * up with the log, then follows new events, at every poll interval or at once when an {@link
 * AppendSignal} fires. {@link #close()} hands its segments back after the page being applied, so
 * other instances take them over at once.
 *
 * <p>As with {@link dev.eventsmith.runtime.projection.LiveProjection} (both run on a {@link
 * LogFollower}): a store that is unavailable for now ({@link
 * dev.eventsmith.runtime.store.StoreUnavailableException}) is retried after a pause that doubles from 100 ms up
 * to 5 s, and counted; anything else (a projector or automation that throws, an event that does not
 * decode) stops this instance's share, is kept in {@link #failure()}, and is written to the status
 * table for the segments it held. Its leases then expire and other instances take the segments
 * over (and stop at the same event, if the fault is in the event).
 */
public final class LiveSegments implements AutoCloseable {

  private final String name;
  private final SegmentRunner<?> runner;
  private final SegmentLeases leases;
  private final long pollMillis;
  /** When the leases are next maintained, and next renewed during a page; on the runner's thread only. */
  private long nextMaintenance;
  private long nextRenewal;
  private volatile List<Lease> held = List.of();
  private final LogFollower follower;

  private LiveSegments(SegmentRunner<?> runner, SegmentLeases leases, Duration pollInterval,
      Optional<AppendSignal> signal) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.name = runner.name();
    this.pollMillis = LogFollower.pollMillis(pollInterval);
    this.nextMaintenance = System.nanoTime();
    this.follower = LogFollower.start("eventsmith-segments " + name + " " + leases.owner(), signal,
        new LogFollower.Round() {
          @Override
          public long run(BooleanSupplier closed) {
            return round(closed);
          }

          @Override
          public void closed() {
            try {
              leases.release();
            } catch (RuntimeException notReleased) {
              // The leases expire by themselves; others just wait longer for them.
              follower.survived(notReleased);
            }
            held = List.of();
          }

          @Override
          public void failed(Throwable failure) {
            leases.recordError(held, failure);
          }
        });
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

  /** Maintains the leases when due, catches the segments held up; answers how long to wait before the next round. */
  private long round(BooleanSupplier closed) {
    if (System.nanoTime() - nextMaintenance >= 0) {
      held = leases.maintain();
      nextMaintenance = System.nanoTime() + leases.renewInterval().toNanos();
      nextRenewal = nextMaintenance;
    }
    long due = nextMaintenance;
    held = runner.catchUp(held, () -> closed.getAsBoolean() || System.nanoTime() - due >= 0, this::renewIfDue);
    return Math.min(pollMillis, TimeUnit.NANOSECONDS.toMillis(nextMaintenance - System.nanoTime()));
  }

  /** Between two events of a long page: renews the leases when they are due, so the page keeps them. */
  private void renewIfDue() {
    if (System.nanoTime() - nextRenewal >= 0) {
      leases.renew();
      nextRenewal = System.nanoTime() + leases.renewInterval().toNanos();
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
    return follower.failure();
  }

  /** How many times the store was unavailable and the runner paused and retried. */
  public long failures() {
    return follower.failures();
  }

  /** The latest time the store was unavailable (or the leases could not be handed back), if it ever was. */
  public Optional<Throwable> lastFailure() {
    return follower.lastFailure();
  }

  /** Whether this instance's share still follows the log. */
  public boolean isRunning() {
    return follower.isRunning();
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
    return follower.await(() -> reached(position), timeout, Duration.ofMillis(pollMillis),
        failure -> name + " stopped at " + positions() + ": " + failure.getMessage());
  }

  private boolean reached(long position) {
    Map<Segment, Long> now = positions();
    return !now.isEmpty() && now.values().stream().allMatch(p -> p >= position);
  }

  /** Stops after the page being applied, if any, and hands this instance's segments back. */
  @Override
  public void close() {
    follower.close();
  }
}
