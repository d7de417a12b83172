package dev.eventsmith.observation;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event store and view store of one projection, wrapped so that an observer hears of each page
 * the projection applies: give both to one {@link ProjectionRunner}. A page counts once its rows
 * and checkpoint are committed; a page another runner applied first, or that failed, does not.
 * Like the runner, the pair serves one thread.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public final class ObservedProjection<K, V> {

  private final String view;
  private final EventStore events;
  private final ViewStore<K, V> rows;
  private final RuntimeObserver observer;
  private final Clock clock;
  private List<RecordedEvent> page = List.of();
  private Instant readAt;
  private long readNanos;

  ObservedProjection(String view, EventStore events, ViewStore<K, V> rows, RuntimeObserver observer, Clock clock) {
    this.view = Objects.requireNonNull(view, "view");
    this.events = Objects.requireNonNull(events, "events");
    this.rows = Objects.requireNonNull(rows, "rows");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.clock = clock;
  }

  /** The stores of the projection of {@code view} that reads {@code events} into {@code rows}. */
  public static <K, V> ObservedProjection<K, V> of(String view, EventStore events, ViewStore<K, V> rows,
      RuntimeObserver observer) {
    return new ObservedProjection<>(view, events, rows, observer, Clock.systemUTC());
  }

  /** The event store to read the log from: it notes each page read. */
  public EventStore events() {
    return events instanceof AppendSignal signal ? new SignallingReader(signal) : new Reader();
  }

  /** The view store to apply pages to: it reports each page committed. */
  public ViewStore<K, V> rows() {
    return new Rows();
  }

  private void read(List<RecordedEvent> read) {
    page = read;
    readAt = clock.instant();
    readNanos = System.nanoTime();
  }

  private void applied(long newPosition) {
    List<RecordedEvent> done = page;
    page = List.of();
    if (done.isEmpty() || done.get(done.size() - 1).globalPosition() != newPosition) {
      return;
    }
    observer.applied(new AppliedPage(view, done, readAt, Duration.ofNanos(System.nanoTime() - readNanos)));
  }

  private class Reader extends ObservedEventStore {

    Reader() {
      super(events, observer);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      List<RecordedEvent> read = super.readAll(afterPosition, maxCount);
      read(read);
      return read;
    }
  }

  private final class SignallingReader extends Reader implements AppendSignal {

    private final AppendSignal signal;

    SignallingReader(AppendSignal signal) {
      this.signal = signal;
    }

    @Override
    public Registration onAppend(Runnable wakeUp) {
      return signal.onAppend(wakeUp);
    }
  }

  private final class Rows implements ViewStore<K, V> {

    @Override
    public Optional<V> find(K key) {
      return rows.find(key);
    }

    @Override
    public Map<K, V> all() {
      return rows.all();
    }

    @Override
    public Checkpoint checkpoint() {
      return rows.checkpoint();
    }

    @Override
    public Checkpoint apply(Map<K, V> changedRows, Checkpoint expected, long newPosition) {
      Checkpoint applied = rows.apply(changedRows, expected, newPosition);
      applied(newPosition);
      return applied;
    }

    @Override
    public void reset() {
      rows.reset();
    }

    @Override
    public String toString() {
      return rows.toString();
    }
  }
}
