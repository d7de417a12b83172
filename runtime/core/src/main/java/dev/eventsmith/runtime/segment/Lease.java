package dev.eventsmith.runtime.segment;

import java.util.Objects;

/**
 * A segment this instance holds, and the fencing token of its claim. Every claim of a segment gets
 * a new, larger token; a store commits a page only while the segment's lease still carries the
 * page's token, so an instance that lost the segment (its lease expired and another claimed it)
 * can never write to it again, however late its page arrives.
 */
public record Lease(Segment segment, long token) {

  public Lease {
    Objects.requireNonNull(segment, "segment");
  }

  @Override
  public String toString() {
    return segment + " (token " + token + ")";
  }
}
