package dev.eventsmith.runtime.deadline;

import java.util.Objects;

/**
 * A deadline a runner claimed to fire: the deadline and the schedule it belongs to. Every
 * (re)scheduling of an owner's deadline gets a new {@code schedule} number, so completing an old
 * claim never removes the deadline as scheduled since, and the commands fired for one schedule get
 * ids of their own ({@link #id}).
 *
 * @param schedule the number of the scheduling that set this deadline, growing per owner and name
 */
public record DueDeadline(Deadline deadline, long schedule) {

  public DueDeadline {
    Objects.requireNonNull(deadline, "deadline");
  }

  /** An id of this schedule, the same for every runner: owner, name and schedule number. */
  public String id() {
    return deadline.owner().length() + ":" + deadline.owner() + ":" + deadline.name() + ":" + schedule;
  }
}
