package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Brings the segments an instance holds up to date with the global log, page by page: reads the
 * log once from the lowest of their checkpoints, hands each event to the {@link SegmentWork}, which
 * routes it by key to the pages of the segments that hold its keys, and commits the page of every
 * held segment together, each with its new checkpoint and under its lease ({@link
 * SegmentedStore#commit}). A segment that is lost on the way (its lease no longer holds) is dropped
 * and the page is worked again without it. Not thread-safe: one thread per runner.
 *
 * @param <P> what a page does to a segment
 */
public final class SegmentRunner<P> {

  static final int DEFAULT_PAGE_SIZE = 500;

  private final EventStore events;
  private final SegmentWork<P> work;
  private final SegmentedStore<P> store;
  private final int pageSize;
  private volatile Map<Segment, Long> positions = Map.of();

  public SegmentRunner(EventStore events, SegmentWork<P> work, SegmentedStore<P> store) {
    this(events, work, store, DEFAULT_PAGE_SIZE);
  }

  private SegmentRunner(EventStore events, SegmentWork<P> work, SegmentedStore<P> store, int pageSize) {
    this.events = Objects.requireNonNull(events, "events");
    this.work = Objects.requireNonNull(work, "work");
    this.store = Objects.requireNonNull(store, "store");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize is at least 1: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** A runner that reads {@code pageSize} events at a time. */
  public SegmentRunner<P> withPageSize(int pageSize) {
    return new SegmentRunner<>(events, work, store, pageSize);
  }

  /** The runner's name, as its checkpoints and leases are stored. */
  public String name() {
    return store.name();
  }

  /** Applies the log to the segments of {@code held} until it is exhausted; answers the leases still held. */
  public List<Lease> catchUp(List<Lease> held) {
    return catchUp(held, () -> false);
  }

  /**
   * As {@link #catchUp(List)}, returning early between two pages once {@code stop} says so.
   *
   * @return the leases of {@code held} that still hold, as far as this runner found out
   */
  public List<Lease> catchUp(List<Lease> held, BooleanSupplier stop) {
    return catchUp(held, stop, () -> { });
  }

  /** As {@link #catchUp(List, BooleanSupplier)}, running {@code beforeEach} before each event it handles. */
  List<Lease> catchUp(List<Lease> held, BooleanSupplier stop, Runnable beforeEach) {
    Map<Lease, SegmentCheckpoint> at = new LinkedHashMap<>();
    read(held, at);
    boolean exhausted = false;
    while (!at.isEmpty() && !stop.getAsBoolean()) {
      long from = at.values().stream().mapToLong(c -> c.checkpoint().position()).min().getAsLong();
      List<RecordedEvent> page = events.readAll(from, pageSize);
      if (page.isEmpty()) {
        exhausted = true;
        break;
      }
      long end = page.get(page.size() - 1).globalPosition();
      Map<Lease, P> effects = new LinkedHashMap<>();
      at.forEach((lease, checkpoint) -> {
        if (checkpoint.checkpoint().position() < end) {
          effects.put(lease, work.startPage());
        }
      });
      for (RecordedEvent recorded : page) {
        beforeEach.run();
        work.handle(recorded, key -> route(at, effects, key, recorded.globalPosition()));
      }
      List<SegmentPage<P>> pages = new ArrayList<>();
      effects.forEach((lease, effect) -> pages.add(new SegmentPage<>(lease, at.get(lease), effect)));
      try {
        List<SegmentCheckpoint> committed = store.commit(pages, end);
        for (int i = 0; i < pages.size(); i++) {
          at.put(pages.get(i).lease(), committed.get(i));
        }
      } catch (LeaseLostException lost) {
        // Another instance holds it now: work the page again for the segments still ours.
        at.remove(lost.lease());
        continue;
      } catch (CheckpointConflictException moved) {
        // Reset, or split or merged under us: start again from where the segments stand now.
        read(List.copyOf(at.keySet()), at);
        continue;
      } finally {
        publish(at);
      }
      if (page.size() < pageSize) {
        exhausted = true;
        break;
      }
    }
    while (exhausted && !at.isEmpty()) {
      try {
        work.caughtUp(Collections.unmodifiableMap(at));
        break;
      } catch (LeaseLostException lost) {
        at.remove(lost.lease());
      }
    }
    publish(at);
    return List.copyOf(at.keySet());
  }

  private Optional<P> route(Map<Lease, SegmentCheckpoint> at, Map<Lease, P> effects, String key, long position) {
    for (Map.Entry<Lease, SegmentCheckpoint> segment : at.entrySet()) {
      if (segment.getKey().segment().contains(key)) {
        return segment.getValue().isNew(key, position) ? Optional.ofNullable(effects.get(segment.getKey()))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Fills {@code at} with where the segments of {@code held} stand now. */
  private void read(List<Lease> held, Map<Lease, SegmentCheckpoint> at) {
    List<Lease> still = new ArrayList<>(held);
    at.clear();
    while (!still.isEmpty()) {
      try {
        List<SegmentCheckpoint> checkpoints = store.checkpoints(still);
        for (int i = 0; i < still.size(); i++) {
          at.put(still.get(i), checkpoints.get(i));
        }
        break;
      } catch (LeaseLostException lost) {
        still.remove(lost.lease());
      }
    }
    publish(at);
  }

  private void publish(Map<Lease, SegmentCheckpoint> at) {
    Map<Segment, Long> now = new LinkedHashMap<>();
    at.forEach((lease, checkpoint) -> now.put(lease.segment(), checkpoint.checkpoint().position()));
    positions = Collections.unmodifiableMap(now);
  }

  /** The global position each segment held at the end of the last page had applied the log up to. */
  public Map<Segment, Long> positions() {
    return positions;
  }
}
