package dev.eventsmith.runtime.projection;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.codec.UnknownEventTypeException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Brings one view up to date with the global log, page by page, from its checkpoint. Each page is
 * applied by compare-and-set on the checkpoint it was read from ({@link ViewStore#apply}), so any
 * number of runners, in any number of processes, may run one view: when another applied the page
 * first, this one re-reads the checkpoint and carries on from there, and no event counts twice.
 * A runner object is not thread-safe: give each thread its own.
 *
 * <p>An event whose type the codec does not know stops the runner ({@link
 * UnknownEventTypeException}) unless its type is named in {@link #skippingTypes}. A projector that
 * throws, from {@code keysOf}, {@code initial} or {@code project}, stops it with an
 * IllegalStateException naming the event's type, stream, version and global position.
 */
public final class ProjectionRunner<K, V> {

  static final int DEFAULT_PAGE_SIZE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final ViewStore<K, V> views;
  private final EventTypes types;
  private final int pageSize;

  public ProjectionRunner(EventStore store, EventCodec codec, Projector<K, V> projector, ViewStore<K, V> views) {
    this(store, codec, projector, views, DEFAULT_PAGE_SIZE, new EventTypes(codec,
        "the projection " + Objects.requireNonNull(projector, "projector").getClass().getName(),
        "ProjectionRunner.skippingTypes(...)"));
  }

  private ProjectionRunner(EventStore store, EventCodec codec, Projector<K, V> projector, ViewStore<K, V> views,
      int pageSize, EventTypes types) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.views = Objects.requireNonNull(views, "views");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize is at least 1: " + pageSize);
    }
    this.pageSize = pageSize;
    this.types = types;
  }

  /** A runner that reads and applies {@code pageSize} events at a time. */
  public ProjectionRunner<K, V> withPageSize(int pageSize) {
    return new ProjectionRunner<>(store, codec, projector, views, pageSize, types);
  }

  /**
   * A runner that skips events of the stored types {@code types}, on purpose: the types of another
   * model whose events share the store (pass its codec's {@code types()}). Every other type the
   * codec does not know still stops the runner.
   *
   * @throws IllegalArgumentException if a type is one this runner's codec knows
   */
  public ProjectionRunner<K, V> skippingTypes(Collection<String> types) {
    return new ProjectionRunner<>(store, codec, projector, views, pageSize, this.types.skipping(types));
  }

  /**
   * Applies every event after the view's checkpoint, one page per {@link ViewStore#apply}, so an
   * interrupted catch-up resumes after the last page applied.
   *
   * @return the number of events this runner applied (events the view ignores, and pages another
   *     runner applied first, are not counted)
   */
  public int catchUp() {
    return catchUp(() -> false);
  }

  /** As {@link #catchUp()}, but returns early between two pages once {@code stop} says so. */
  int catchUp(BooleanSupplier stop) {
    int applied = 0;
    Checkpoint at = views.checkpoint();
    while (!stop.getAsBoolean()) {
      List<RecordedEvent> page = store.readAll(at.position(), pageSize);
      if (page.isEmpty()) {
        return applied;
      }
      Map<K, V> changed = new LinkedHashMap<>();
      int projected = project(page, changed);
      try {
        at = views.apply(changed, at, page.get(page.size() - 1).globalPosition());
        applied += projected;
      } catch (CheckpointConflictException conflict) {
        // Another runner applied this page (or more) first: what we computed is stale, start again from there.
        at = views.checkpoint();
        continue;
      }
      if (page.size() < pageSize) {
        return applied;
      }
    }
    return applied;
  }

  /** Projects {@code page} into {@code changed}; answers how many events changed a row. */
  private int project(List<RecordedEvent> page, Map<K, V> changed) {
    int projected = 0;
    for (RecordedEvent recorded : page) {
      if (!types.shouldRead(recorded)) {
        continue;
      }
      Event event = codec.decode(recorded);
      List<K> keys = call("keysOf", recorded, () -> projector.keysOf(event));
      for (K key : keys) {
        V row = changed.get(key);
        if (row == null) {
          row = views.find(key).orElseGet(() -> call("initial", recorded, () -> projector.initial(key)));
        }
        V from = row;
        changed.put(key, call("project", recorded, () -> projector.project(from, event)));
      }
      if (!keys.isEmpty()) {
        projected++;
      }
    }
    return projected;
  }

  /** The global position of the last event the view applied, 0 before any. */
  public long checkpoint() {
    return views.checkpoint().position();
  }

  /**
   * Drops the view's rows and checkpoint in one step and replays the whole log into it: after a
   * change to the projector, or when a view is suspected wrong. Readers see the view empty, then
   * growing page by page; to switch without that, build into a view store of another name and
   * point readers at it once it has caught up. Other runners of the view carry on from the reset.
   *
   * @return the number of events this runner applied
   */
  public int rebuild() {
    views.reset();
    return catchUp();
  }

  /** Calls the projector, turning any failure into one that names the event it failed on. */
  private <T> T call(String method, RecordedEvent recorded, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(projector.getClass().getName() + "." + method + " failed on the "
          + recorded.type() + " event at " + recorded.location() + ": " + e, e);
    }
    if (result == null) {
      throw new IllegalStateException(projector.getClass().getName() + "." + method + " returned null for the "
          + recorded.type() + " event at " + recorded.location() + "; return " + (method.startsWith("key")
          ? "an empty value to ignore the event" : "a row"));
    }
    return result;
  }
}
