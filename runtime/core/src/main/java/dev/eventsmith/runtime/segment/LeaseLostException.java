package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.store.EventStoreException;

/**
 * A page was not committed because this instance no longer holds one of its segments: the lease
 * expired and another instance claimed the segment, or it was split, merged or handed back. Nothing
 * of the page was written; the runner drops the segment and carries on with the others.
 */
public final class LeaseLostException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final transient Lease lease;

  public LeaseLostException(String name, Lease lease) {
    super(name + " no longer holds " + lease + ": another instance claimed it, or it was split, merged or released;"
        + " nothing of the page was written");
    this.lease = lease;
  }

  /** The lease that no longer holds. */
  public Lease lease() {
    return lease;
  }
}
