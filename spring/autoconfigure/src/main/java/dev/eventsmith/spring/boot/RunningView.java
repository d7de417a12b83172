package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One view of a service: its store, to read rows from, and the live projection that keeps it up to
 * date while the service runs.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class RunningView<K, V> {

  private final ViewDescriptor<K, V> descriptor;
  private final ViewStore<K, V> rows;
  private final ProjectionRunner<K, V> runner;
  private final EventStore events;
  private final Clock clock;
  private volatile LiveProjection live;

  RunningView(ViewDescriptor<K, V> descriptor, ViewStore<K, V> rows, ProjectionRunner<K, V> runner, EventStore events,
      Clock clock) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.rows = Objects.requireNonNull(rows, "rows");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = clock;
  }

  /** The view's name in the model. */
  public String name() {
    return descriptor.name();
  }

  public ViewDescriptor<K, V> descriptor() {
    return descriptor;
  }

  /** The row of {@code key}, as the view has applied the log so far. */
  public Optional<V> find(K key) {
    return rows.find(key);
  }

  /**
   * The rows whose {@code lookup} (one of the view's {@link dev.eventsmith.runtime.projection.RowCodec#lookups})
   * includes {@code value}, in the order their keys were first stored.
   */
  public Map<K, V> lookup(Lookup<V> lookup, String value) {
    return rows.lookup(lookup, value);
  }

  /**
   * One page of {@link #lookup(Lookup, String)}: at most {@code limit} rows from the {@code
   * offset}-th on; durable view stores read only that page.
   */
  public Map<K, V> lookup(Lookup<V> lookup, String value, int offset, int limit) {
    return rows.lookup(lookup, value, offset, limit);
  }

  /** How many rows {@link #lookup(Lookup, String)} finds; durable view stores count without reading them. */
  public long count(Lookup<V> lookup, String value) {
    return rows.count(lookup, value);
  }

  /** The global position of the last event the view applied. */
  public long checkpoint() {
    LiveProjection following = live;
    return following != null ? following.checkpoint() : rows.checkpoint().position();
  }

  /**
   * Waits until the view has applied the log up to {@code position} (a command's answer gives it),
   * so a client reads its own write.
   *
   * @return false if {@code timeout} passed first
   * @throws IllegalStateException if the projection stopped on a fault
   */
  public boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
    LiveProjection following = live;
    if (following == null) {
      return rows.checkpoint().position() >= position;
    }
    return following.awaitCheckpoint(position, timeout);
  }

  /** How long the oldest event the view has not applied has waited; zero when it is caught up. */
  public Duration lag() {
    return Lag.of(events, checkpoint(), clock);
  }

  /** Whether the projection follows the log: false before the service starts and once it stopped on a fault. */
  public boolean isRunning() {
    LiveProjection following = live;
    return following != null && following.isRunning();
  }

  /** The fault that stopped the projection, if one did. */
  public Optional<Throwable> failure() {
    LiveProjection following = live;
    return following == null ? Optional.empty() : following.failure();
  }

  /** How often the store was unavailable and the projection paused and retried. */
  public long retries() {
    LiveProjection following = live;
    return following == null ? 0 : following.failures();
  }

  /** The latest time the store was unavailable, if ever. */
  public Optional<Throwable> lastRetry() {
    LiveProjection following = live;
    return following == null ? Optional.empty() : following.lastFailure();
  }

  synchronized void start(Duration pollInterval, Optional<AppendSignal> signal) {
    if (live == null) {
      live = signal.isPresent() ? LiveProjection.start(name(), runner, pollInterval, signal.get())
          : LiveProjection.start(name(), runner, pollInterval);
    }
  }

  synchronized void stop() {
    if (live != null) {
      live.close();
    }
  }

  void closeStore() throws Exception {
    if (rows instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
