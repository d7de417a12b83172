package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata that ties a business flow together: every event a command records carries the
 * command's metadata ({@link CommandHandler#handle(dev.eventsmith.runtime.Command, Map)}), and a
 * command that an automation or a process issues because of an event carries
 * <ul>
 *   <li>{@value #CORRELATION_ID}: the id of what started the flow, the same for every event and
 *       command of it: the cause's own correlation id, or the cause's event id if it has none (the
 *       cause started the flow);</li>
 *   <li>{@value #CAUSATION_ID}: the id of the event that caused the command;</li>
 *   <li>{@value CommandHandler#COMMAND_ID}: the command's own id.</li>
 * </ul>
 * A caller that starts a flow (an HTTP request, a message) may give its own correlation id in the
 * metadata of the first command; every event downstream then carries it.
 */
public final class Causation {

  /** The metadata key of the id of what started a flow. */
  public static final String CORRELATION_ID = "correlationId";

  /** The metadata key of the id of the event that caused a command (and so the command's events). */
  public static final String CAUSATION_ID = "causationId";

  private Causation() {}

  /** The metadata of command {@code commandId} issued because of {@code cause}. */
  public static Map<String, String> of(RecordedEvent cause, String commandId) {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(commandId, "commandId");
    String causation = cause.eventId().toString();
    String correlation = cause.metadata().getOrDefault(CORRELATION_ID, causation);
    return Map.of(CommandHandler.COMMAND_ID, commandId, CORRELATION_ID, correlation, CAUSATION_ID, causation);
  }
}
