package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Objects;

/** What handling a command did: events recorded, or a rejection. */
public sealed interface CommandResult permits CommandResult.Accepted, CommandResult.Rejected {

  /** The stream the command was addressed to. */
  StreamId stream();

  /**
   * The command was accepted and {@code events} were appended (none: nothing was appended).
   *
   * @param streamVersion the stream's version after the command
   * @param lastPosition the global position of the stream's last event after the command (0 if none)
   */
  record Accepted(StreamId stream, List<Event> events, long streamVersion, long lastPosition) implements CommandResult {
    public Accepted {
      Objects.requireNonNull(stream, "stream");
      events = List.copyOf(events);
    }
  }

  /** The decider refused the command; nothing was appended. */
  record Rejected(StreamId stream, Rejection rejection) implements CommandResult {
    public Rejected {
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
