package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.EventStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * A view's projection split into segments by key, so several instances of a service share the
 * work: each instance holds some segments ({@link SegmentLeases}) and applies the log to their
 * rows only. Events of one key are applied in log order, by one instance at a time, exactly once
 * (each segment's rows and checkpoint are committed together, under the segment's lease).
 *
 * <pre>{@code
 * LiveSegments projection = SegmentedProjection.of(events, codec, new CartSummaryProjection(), view)
 *     .start(leases, Duration.ofMillis(200));
 * }</pre>
 *
 * <p>With {@link SegmentedViewStore#whole} and {@link SegmentLeases#sole()} the same code runs a
 * view that is not split, on SQLite or in memory. As with {@link
 * dev.eventsmith.runtime.projection.ProjectionRunner}, an event whose type the codec does not know
 * stops it unless named in {@link #skippingTypes}, and a projector that throws stops it with a
 * message naming the event.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class SegmentedProjection<K, V> {

  private final EventStore events;
  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final SegmentedViewStore<K, V> view;
  private final EventTypes types;
  private final int pageSize;

  private SegmentedProjection(EventStore events, EventCodec codec, Projector<K, V> projector,
      SegmentedViewStore<K, V> view, EventTypes types, int pageSize) {
    this.events = Objects.requireNonNull(events, "events");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.view = Objects.requireNonNull(view, "view");
    this.types = types;
    this.pageSize = pageSize;
  }

  /** The projection of {@code view} by {@code projector}, from the events of {@code events}. */
  public static <K, V> SegmentedProjection<K, V> of(EventStore events, EventCodec codec, Projector<K, V> projector,
      SegmentedViewStore<K, V> view) {
    return new SegmentedProjection<>(events, codec, projector, view, new EventTypes(codec,
        "the projection " + Objects.requireNonNull(projector, "projector").getClass().getName(),
        "SegmentedProjection.skippingTypes(...)"), SegmentRunner.DEFAULT_PAGE_SIZE);
  }

  /** This projection, reading {@code pageSize} events at a time. */
  public SegmentedProjection<K, V> withPageSize(int pageSize) {
    return new SegmentedProjection<>(events, codec, projector, view, types, pageSize);
  }

  /**
   * This projection, skipping events of the stored types {@code types} (another model's sharing the
   * store); every other type its codec does not know still stops it.
   *
   * @throws IllegalArgumentException if a type is one the codec knows
   */
  public SegmentedProjection<K, V> skippingTypes(Collection<String> types) {
    return new SegmentedProjection<>(events, codec, projector, view, this.types.skipping(types), pageSize);
  }

  /** A runner that catches the segments it is given up with the log, on the caller's thread. */
  public SegmentRunner<Map<K, V>> runner() {
    return new SegmentRunner<>(events, new ViewWork<>(codec, projector, view, types), view).withPageSize(pageSize);
  }

  /** Starts this instance's share on a thread of its own, polling the log every {@code pollInterval}. */
  public LiveSegments start(SegmentLeases leases, Duration pollInterval) {
    return LiveSegments.start(runner(), leases, pollInterval);
  }

  /** As {@link #start(SegmentLeases, Duration)}, reading at once when {@code signal} fires. */
  public LiveSegments start(SegmentLeases leases, Duration pollInterval, AppendSignal signal) {
    return LiveSegments.start(runner(), leases, pollInterval, signal);
  }
}
