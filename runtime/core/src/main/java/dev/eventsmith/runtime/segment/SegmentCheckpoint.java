package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one segment stands: its checkpoint, and, for a while after a merge, the half of it that
 * had already got further.
 *
 * <p>A merge of two halves starts the merged segment at the lower of their checkpoints, so no key
 * misses an event; the half that was ahead has applied the events up to its own position, and
 * {@link #ahead()} says so, so that they are not applied to its keys a second time. Once the
 * checkpoint passes that position, the entry is dropped.
 *
 * @param ahead after a merge: the half that was further, and how far it was
 */
public record SegmentCheckpoint(Segment segment, Checkpoint checkpoint, Optional<Ahead> ahead) {

  /** The half {@code part} of a merged segment has applied the log up to {@code position} already. */
  public record Ahead(Segment part, long position) {

    public Ahead {
      Objects.requireNonNull(part, "part");
    }
  }

  public SegmentCheckpoint {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(ahead, "ahead");
    ahead.ifPresent(a -> {
      if (!segment.covers(a.part()) || a.part().equals(segment)) {
        throw new IllegalArgumentException(a.part() + " is not a half of " + segment);
      }
    });
  }

  /** A segment at {@code checkpoint}, with no half ahead of it. */
  public static SegmentCheckpoint at(Segment segment, Checkpoint checkpoint) {
    return new SegmentCheckpoint(segment, checkpoint, Optional.empty());
  }

  /** Whether the event at {@code position} is still to be applied to {@code key}, a key of this segment. */
  public boolean isNew(String key, long position) {
    if (position <= checkpoint.position()) {
      return false;
    }
    return ahead.isEmpty() || position > ahead.get().position() || !ahead.get().part().contains(key);
  }

  /** The checkpoint after applying the log up to {@code position}, which drops a half it passed. */
  public SegmentCheckpoint advancedTo(Checkpoint next) {
    return new SegmentCheckpoint(segment, next, ahead.filter(a -> a.position() > next.position()));
  }

  @Override
  public String toString() {
    return segment + " at " + checkpoint + ahead.map(a -> ", " + a.part() + " at " + a.position()).orElse("");
  }
}
