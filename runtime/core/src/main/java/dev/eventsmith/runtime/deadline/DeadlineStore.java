package dev.eventsmith.runtime.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Durable deadlines: scheduled, moved and cancelled by process runners, claimed by deadline
 * runners when due. A claim holds a deadline for a lease: no other claim gets it until the lease
 * ends, so several runners never fire one schedule together; a runner that dies holding a claim
 * lets its lease run out, and the deadline is claimed again. Firing is therefore at least once per
 * schedule, and at most once in effect when what it does is idempotent by {@link DueDeadline#id()}
 * (the process runner derives its commands' ids from it). Every change names the global position
 * of the event that caused it, so that reading events again after a crash changes nothing twice.
 * Implementations are safe for concurrent
 * use, by threads and by processes sharing the database.
 */
public interface DeadlineStore extends AutoCloseable {

  /**
   * Schedules {@code deadline} because of the event at global position {@code cause}, replacing
   * the owner's deadline of that name if there is one (a new schedule, not claimed by anyone), and
   * answers its schedule number. A change caused by an event at or before the cause of the last
   * change of this owner's deadline (a runner reading that event again after a restart) is
   * ignored, and the current schedule number answered: a deadline that fired is not scheduled
   * again, one cancelled later is not revived.
   */
  long schedule(Deadline deadline, long cause);

  /**
   * Cancels the owner's deadline {@code name} because of the event at global position {@code
   * cause}; answers whether there was one to cancel. A cancellation caused by an event at or
   * before the cause of the last change is ignored, as for {@link #schedule}.
   */
  boolean cancel(String owner, String name, long cause);

  /**
   * Claims up to {@code limit} deadlines due at or before {@code now}, earliest first, that no
   * unexpired lease holds, and holds them until {@code now + lease}.
   */
  List<DueDeadline> claimDue(Instant now, Duration lease, int limit);

  /**
   * As {@link #claimDue(Instant, Duration, int)}, claiming only deadlines of {@code owners}: a
   * segmented process runner claims the deadlines of the instances it holds, and leaves the others
   * to the runners that hold theirs.
   */
  List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners);

  /**
   * Removes a fired deadline, unless it was scheduled again since it was claimed (then the new
   * schedule stays); answers whether it was removed.
   */
  boolean complete(DueDeadline fired);

  /** The deadlines of {@code owner}, by name: for tests and tools. */
  List<DueDeadline> scheduled(String owner);

  /**
   * Checks the arguments of {@link #claimDue}, for implementations.
   *
   * @throws IllegalArgumentException if the lease is not positive or the limit below 1
   */
  static void checkClaim(Instant now, Duration lease, int limit) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a claim's lease is positive: " + lease);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("claim at least 1 deadline, not " + limit);
    }
  }

  /** Releases the store's resources; the default does nothing. */
  @Override
  default void close() {}
}
