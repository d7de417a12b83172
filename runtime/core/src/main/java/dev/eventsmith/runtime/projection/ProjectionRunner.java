package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Brings one view up to date with the global log, page by page, from its checkpoint. Not
 * thread-safe: run one runner per view at a time.
 */
public final class ProjectionRunner<K, V> {

  static final int DEFAULT_PAGE_SIZE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final ViewStore<K, V> views;
  private final Set<String> knownTypes;
  private final int pageSize;

  public ProjectionRunner(EventStore store, EventCodec codec, Projector<K, V> projector, ViewStore<K, V> views) {
    this(store, codec, projector, views, DEFAULT_PAGE_SIZE);
  }

  private ProjectionRunner(EventStore store, EventCodec codec, Projector<K, V> projector, ViewStore<K, V> views, int pageSize) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.views = Objects.requireNonNull(views, "views");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize is at least 1: " + pageSize);
    }
    this.knownTypes = Set.copyOf(codec.types());
    this.pageSize = pageSize;
  }

  /** A runner that reads and applies {@code pageSize} events at a time. */
  public ProjectionRunner<K, V> withPageSize(int pageSize) {
    return new ProjectionRunner<>(store, codec, projector, views, pageSize);
  }

  /**
   * Applies every event after the view's checkpoint, one page per {@link ViewStore#apply}, so an
   * interrupted catch-up resumes after the last page applied.
   *
   * @return the number of events the view applied (events it ignores are not counted)
   */
  public int catchUp() {
    return catchUp(() -> false);
  }

  /** As {@link #catchUp()}, but returns early between two pages once {@code stop} says so. */
  int catchUp(BooleanSupplier stop) {
    int applied = 0;
    while (!stop.getAsBoolean()) {
      List<RecordedEvent> page = store.readAll(views.checkpoint(), pageSize);
      if (page.isEmpty()) {
        return applied;
      }
      Map<K, V> changed = new LinkedHashMap<>();
      for (RecordedEvent recorded : page) {
        // A store may hold several models' events; those this codec does not know are not this view's.
        if (!knownTypes.contains(recorded.type())) {
          continue;
        }
        Event event = codec.decode(recorded);
        Optional<K> key = projector.keyOf(event);
        if (key.isEmpty()) {
          continue;
        }
        V row = changed.get(key.get());
        if (row == null) {
          row = views.find(key.get()).orElseGet(() -> projector.initial(key.get()));
        }
        changed.put(key.get(), project(row, event, recorded));
        applied++;
      }
      views.apply(changed, page.get(page.size() - 1).globalPosition());
      if (page.size() < pageSize) {
        return applied;
      }
    }
    return applied;
  }

  /** The global position of the last event the view applied, 0 before any. */
  public long checkpoint() {
    return views.checkpoint();
  }

  /**
   * Drops the view's rows and checkpoint in one step and replays the whole log into it: after a
   * change to the projector, or when a view is suspected wrong. Readers see the view empty, then
   * growing page by page; to switch without that, build into a view store of another name and
   * point readers at it once it has caught up.
   *
   * @return the number of events the view applied
   */
  public int rebuild() {
    views.reset();
    return catchUp();
  }

  private V project(V row, Event event, RecordedEvent recorded) {
    try {
      return Objects.requireNonNull(projector.project(row, event), "project returned null");
    } catch (RuntimeException e) {
      throw new IllegalStateException(projector.getClass().getName() + " failed on the " + recorded.type()
          + " event at " + recorded.location() + ": " + e.getMessage(), e);
    }
  }
}
