package dev.eventsmith.runtime.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the status table: where one segment of one runner (a view's projection, an
 * automation) stands, who holds it, how far behind the log it is, and its last error. A runner
 * that is not split has one line, {@link Segment#WHOLE}, and no owner.
 *
 * @param name the runner: {@code view:<name>} or {@code automation:<name>}
 * @param owner the instance whose lease holds the segment, if a lease is held and not expired
 * @param leaseExpires when that lease ends unless it is renewed (the database's clock)
 * @param checkpoint the global position of the last event the segment applied
 * @param lagEvents how many events of the log lie after the checkpoint (of every key: the
 *     segment's own keys are a share of them)
 * @param lag how long the oldest of those events has waited: zero when there is none
 * @param lastError the last failure that stopped a runner of this segment, and when
 */
public record SegmentStatus(String name, Segment segment, Optional<String> owner, Optional<Instant> leaseExpires,
    long checkpoint, long lagEvents, Duration lag, Optional<String> lastError, Optional<Instant> lastErrorAt) {

  public SegmentStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(leaseExpires, "leaseExpires");
    Objects.requireNonNull(lag, "lag");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lastErrorAt, "lastErrorAt");
  }
}
