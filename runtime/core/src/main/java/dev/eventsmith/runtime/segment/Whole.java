package dev.eventsmith.runtime.segment;

/** What the unsplit stores check: they hold only the whole key space. */
final class Whole {

  private Whole() {}

  static Segment check(String name, Lease lease) {
    if (!lease.segment().equals(Segment.WHOLE)) {
      throw new IllegalArgumentException(name + " is not split into segments: it has only " + Segment.WHOLE
          + ", not " + lease.segment() + "; run it with SegmentLeases.sole()");
    }
    return lease.segment();
  }
}
