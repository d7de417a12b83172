package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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

  private final String name;
  private final ProjectionRunner<?, ?> runner;
  private final long pollMillis;
  private volatile long checkpoint;
  private final LogFollower follower;

  private LiveProjection(ProjectionRunner<?, ?> runner, Duration pollInterval, Optional<AppendSignal> signal, String name) {
    this.name = name;
    this.runner = runner;
    this.pollMillis = LogFollower.pollMillis(pollInterval);
    this.checkpoint = startingCheckpoint(runner);
    this.follower = LogFollower.start("eventsmith-projection " + name, signal, new LogFollower.Round() {
      @Override
      public long run(BooleanSupplier closed) {
        runner.catchUp(closed);
        checkpoint = runner.checkpoint();
        return pollMillis;
      }

      @Override
      public void failed(Throwable failure) {
        // Pages applied before the failure are kept; say where the view really stopped.
        checkpoint = runner.checkpoint();
      }
    });
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
    return new LiveProjection(Objects.requireNonNull(runner, "runner"), pollInterval, Optional.empty(),
        Objects.requireNonNull(name, "name"));
  }

  /** Starts following the log, reading at once when {@code signal} fires and at least every {@code pollInterval}. */
  public static LiveProjection start(String name, ProjectionRunner<?, ?> runner, Duration pollInterval,
      AppendSignal signal) {
    return new LiveProjection(Objects.requireNonNull(runner, "runner"), pollInterval,
        Optional.of(Objects.requireNonNull(signal, "signal")), Objects.requireNonNull(name, "name"));
  }

  /** The global position the view had applied at the end of its last catch-up. */
  public long checkpoint() {
    return checkpoint;
  }

  /** Why the projection stopped on its own; empty while it runs and after a plain {@link #close()}. */
  public Optional<Throwable> failure() {
    return follower.failure();
  }

  /** How many times the store was unavailable and the projection paused and retried, since it started. */
  public long failures() {
    return follower.failures();
  }

  /** The latest time the store was unavailable, if it ever was; the projection retried after it. */
  public Optional<Throwable> lastFailure() {
    return follower.lastFailure();
  }

  /** Whether the projection is still following the log. */
  public boolean isRunning() {
    return follower.isRunning();
  }

  /**
   * Waits until the view has applied the log up to {@code position} (the position an append
   * returned, say): for tests, and for a reader that wants to see its own write.
   *
   * @return false if {@code timeout} passed first
   * @throws IllegalStateException if the projection failed, with the failure as its cause
   */
  public boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
    return follower.await(() -> checkpoint >= position, timeout, timeout, failure -> "the projection " + name
        + " stopped at position " + checkpoint + ": " + failure.getMessage());
  }

  /** Stops following the log after the page being applied, if any; the checkpoint stays stored. */
  @Override
  public void close() {
    follower.close();
  }
}
