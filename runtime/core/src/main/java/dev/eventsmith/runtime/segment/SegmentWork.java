package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Map;
import java.util.Optional;

/**
 * What a segmented runner does with the events of the log: it finds each event's keys (a view's
 * row keys, an automation's stream, a process's id) and hands the event, once per key, to the page
 * of the segment that holds the key. Events of one key reach its segment in log order; a key is in
 * exactly one segment, so one key's changes never meet another segment's.
 *
 * @param <P> what a page does to a segment, gathered by {@link #handle} and committed by a
 *     {@link SegmentedStore}
 */
public interface SegmentWork<P> {

  /** Empty effects, for one segment's share of a new page. */
  P startPage();

  /**
   * Handles {@code recorded}: for each key it concerns, asks {@code route} for the page of that
   * key's segment and, if this instance holds the segment and the event is new to it, adds the
   * event's effect on the key to that page.
   */
  void handle(RecordedEvent recorded, Route<P> route);

  /**
   * Called when the segments of {@code at} have applied the whole log, as far as it was read: a
   * process fires the due deadlines of the instances in them here. The default does nothing.
   *
   * @throws LeaseLostException if a segment turned out to be lost; the runner drops it
   */
  default void caughtUp(Map<Lease, SegmentCheckpoint> at) {}

  /** Finds the page a key's change belongs to, for one event. */
  interface Route<P> {

    /**
     * The page of {@code key}'s segment, if this instance holds that segment and has not applied
     * the event to it yet; empty means: leave the key alone.
     *
     * @param key the key as text, hashed by {@link KeyHash} to find its segment
     */
    Optional<P> page(String key);
  }
}
