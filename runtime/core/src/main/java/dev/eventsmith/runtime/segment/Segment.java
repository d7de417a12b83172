package dev.eventsmith.runtime.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * A share of a runner's keys: the keys whose {@link KeyHash} leaves {@code index} when divided by
 * {@code count}. The segments of a runner cover every key exactly once. They may have different
 * counts after a split or a merge: {@code 1 of 2} holds the keys of {@code 1 of 4} and
 * {@code 3 of 4}, so a layout of {@code 0 of 2}, {@code 1 of 4} and {@code 3 of 4} is whole.
 *
 * @param index which share, from 0 to {@code count - 1}; it is also the segment's number in the
 *     runner's checkpoint and lease tables (unique in a layout, since no two segments overlap)
 * @param count how many shares the key space is cut into at this segment's level, 1 to 65,536
 */
public record Segment(int index, int count) {

  /** The most shares a key space is cut into. */
  public static final int MAX_COUNT = 1 << 16;

  /** The only segment of a runner that is not split: every key. */
  public static final Segment WHOLE = new Segment(0, 1);

  public Segment {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("a segment count is 1 to " + MAX_COUNT + ": " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("segment " + index + " of " + count + " does not exist: the index is 0 to "
          + (count - 1));
    }
  }

  /** The {@code count} segments of an even layout: 0 of count, 1 of count, ... */
  public static List<Segment> evenly(int count) {
    List<Segment> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      segments.add(new Segment(i, count));
    }
    return List.copyOf(segments);
  }

  /** Whether {@code key} is in this segment. */
  public boolean contains(String key) {
    return count == 1 || KeyHash.of(key) % count == index;
  }

  /** Whether every key of {@code other} is in this segment. */
  public boolean covers(Segment other) {
    return other.count % count == 0 && other.index % count == index;
  }

  /** The two halves this segment splits into: {@code index of 2 count} and {@code index + count of 2 count}. */
  public List<Segment> halves() {
    if (count * 2 > MAX_COUNT) {
      throw new IllegalArgumentException(this + " cannot be split: at most " + MAX_COUNT + " segments");
    }
    return List.of(new Segment(index, count * 2), new Segment(index + count, count * 2));
  }

  /** The other half of the segment this one was split from. */
  public Segment sibling() {
    requireHalf();
    return new Segment(index < count / 2 ? index + count / 2 : index - count / 2, count);
  }

  /** The segment this one and its {@link #sibling()} merge into. */
  public Segment merged() {
    requireHalf();
    return new Segment(index % (count / 2), count / 2);
  }

  private void requireHalf() {
    if (count % 2 != 0) {
      throw new IllegalArgumentException(this + " is not a half of a segment: its count is odd");
    }
  }

  @Override
  public String toString() {
    return "segment " + index + " of " + count;
  }
}
