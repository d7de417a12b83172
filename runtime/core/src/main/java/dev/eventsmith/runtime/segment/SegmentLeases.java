package dev.eventsmith.runtime.segment;

import java.time.Duration;
import java.util.List;

/**
 * How one instance of a service claims segments of one runner, shared with the runner's other
 * instances: the leases it holds, their renewal, and a fair share of the segments for each
 * instance. PostgreSQL keeps them for many instances; {@link #sole()} is the whole runner in one
 * process (SQLite, in memory, or a single instance anywhere).
 *
 * <p>Called by one runner thread at a time.
 */
public interface SegmentLeases {

  /** Who this instance is, as other instances see it. */
  String owner();

  /**
   * Renews the leases this instance holds, hands back those over its fair share, and claims free
   * or expired segments up to it; answers the leases held now. A lease not in the answer is lost:
   * the runner stops working on its segment.
   */
  List<Lease> maintain();

  /**
   * Extends the leases this instance holds, claiming and handing back nothing; answers those still
   * held. Called during a long page, so that working a page never costs its lease.
   */
  List<Lease> renew();

  /** How often {@link #maintain} or {@link #renew} must be called for the leases not to expire. */
  Duration renewInterval();

  /** Notes, for the status table, that the runner stopped on {@code error} while holding {@code held}. */
  default void recordError(List<Lease> held, Throwable error) {}

  /** Hands every lease back at once, so others need not wait for them to expire; this instance leaves. */
  void release();

  /** The whole runner, held by this process alone: one segment, {@link Segment#WHOLE}, never lost. */
  static SegmentLeases sole() {
    return new SoleOwner();
  }
}
