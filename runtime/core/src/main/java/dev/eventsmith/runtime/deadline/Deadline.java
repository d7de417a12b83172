package dev.eventsmith.runtime.deadline;

import dev.eventsmith.runtime.store.StoredText;
import java.time.Instant;
import java.util.Objects;

/**
 * A named deadline of one process instance: {@code name} (e.g. "expire") of {@code owner} (e.g.
 * "Transfer:42") falls due at {@code due}. An owner has at most one deadline of each name:
 * scheduling it again moves it.
 *
 * @param owner the process instance, text of 1 to 255 code units as {@link StoredText} checks
 * @param name the deadline's name, text of 1 to 255 code units as {@link StoredText} checks
 * @param due when it falls due, to the millisecond
 */
public record Deadline(String owner, String name, Instant due) {

  public Deadline {
    StoredText.check(owner, "a deadline's owner");
    StoredText.check(name, "a deadline's name");
    due = Instant.ofEpochMilli(Objects.requireNonNull(due, "due").toEpochMilli());
  }

  @Override
  public String toString() {
    return "the deadline " + name + " of " + owner + " due at " + due;
  }
}
