package dev.eventsmith.runtime.store;

import java.util.UUID;

/**
 * An append was refused because one of its events has an id that the store already holds (or
 * that the append repeats): event ids are unique in a store. Nothing of the append was written.
 * A {@link dev.eventsmith.runtime.command.CommandHandler} derives event ids from a command's id
 * and stream, so a repeated command is found by its ids and answered from what it recorded.
 */
public final class DuplicateEventIdException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final UUID eventId;

  /** The append to {@code stream} carries {@code eventId}, which the store holds as {@code stored}. */
  public DuplicateEventIdException(StreamId stream, UUID eventId, RecordedEvent stored) {
    super("the append to " + stream + " was refused: its event id " + eventId + " is already the id of the "
        + stored.type() + " event at " + stored.location() + "; event ids are unique in a store: give each new "
        + "event a new id, or, to repeat a command safely, send it with the same command id");
    this.eventId = eventId;
  }

  /** The append to {@code stream} carries {@code eventId} twice. */
  public DuplicateEventIdException(StreamId stream, UUID eventId) {
    super("the append to " + stream + " was refused: it holds two events with the id " + eventId
        + "; event ids are unique in a store: give each event its own id");
    this.eventId = eventId;
  }

  /** The id that was refused. */
  public UUID eventId() {
    return eventId;
  }
}
