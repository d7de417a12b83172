package dev.eventsmith.runtime.dcb;

import java.util.Objects;

/**
 * The condition of a decision's append: no event matching {@code failIfEventsMatch} was stored
 * after global position {@code after}, the last position of the events the decision read (0 if it
 * read none).
 */
public record AppendCondition(EventQuery failIfEventsMatch, long after) {

  public AppendCondition {
    Objects.requireNonNull(failIfEventsMatch, "failIfEventsMatch");
    if (after < 0) {
      throw new IllegalArgumentException("after is never negative: " + after);
    }
  }
}
