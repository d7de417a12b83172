package dev.eventsmith.runtime.segment;

import java.util.Objects;

/**
 * What one page of the log did to one segment, ready to be committed with the segment's new
 * checkpoint: for a view, the rows it changed.
 *
 * @param lease the segment and the token it was worked on under
 * @param from where the segment stood when the page was read; the commit is refused if it moved
 * @param effects what the page did to the segment's keys
 * @param <P> the kind of effects
 */
public record SegmentPage<P>(Lease lease, SegmentCheckpoint from, P effects) {

  public SegmentPage {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(effects, "effects");
    if (!lease.segment().equals(from.segment())) {
      throw new IllegalArgumentException("the page of " + lease + " starts from " + from);
    }
  }
}
