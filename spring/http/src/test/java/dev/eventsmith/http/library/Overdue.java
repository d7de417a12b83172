package dev.eventsmith.http.library;

import dev.eventsmith.http.members.Join;
import dev.eventsmith.http.members.Name;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A process across the two models: a book lent to a member whose id starts with {@code late} is
 * overdue at once, and the deadline joins {@code reminded-<isbn>} to the members' directory.
 */
@Component("overdue")
final class Overdue implements Workflow<String> {

  @Override
  public Optional<String> keyOf(Event event) {
    return event instanceof BookLent lent ? Optional.of(lent.isbn()) : Optional.empty();
  }

  @Override
  public boolean starts(Event event) {
    return event instanceof BookLent lent && lent.member().startsWith("late");
  }

  @Override
  public String initialState(String isbn) {
    return isbn;
  }

  @Override
  public String evolve(String isbn, Event event) {
    return isbn;
  }

  @Override
  public boolean ended(String isbn) {
    return false;
  }

  @Override
  public Reaction react(String isbn, Event event, Instant now) {
    return Reaction.none().andSchedule("overdue", Duration.ZERO);
  }

  @Override
  public Reaction onDeadline(String isbn, String deadline, Instant now) {
    return Reaction.issue(new Join("reminded-" + isbn, new Name("Reminder")));
  }

  @Override
  public Reaction onRejected(String isbn, Command command, Rejection rejection) {
    return Reaction.none();
  }
}
