package dev.eventsmith.runtime.segment;

import java.time.Duration;
import java.util.List;

/** The leases of a runner that is not split: the whole key space, held by this process. */
final class SoleOwner implements SegmentLeases {

  private static final List<Lease> WHOLE = List.of(new Lease(Segment.WHOLE, 0));

  @Override
  public String owner() {
    return "this process";
  }

  @Override
  public List<Lease> maintain() {
    return WHOLE;
  }

  @Override
  public List<Lease> renew() {
    return WHOLE;
  }

  @Override
  public Duration renewInterval() {
    return Duration.ofMinutes(1);
  }

  @Override
  public void release() {
    // Nothing is shared: nobody waits for it.
  }
}
