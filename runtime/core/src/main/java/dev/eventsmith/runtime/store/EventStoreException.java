package dev.eventsmith.runtime.store;

/** A failure of an event store: a refused append, unreadable stored data, or the storage itself. */
public class EventStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EventStoreException(String message) {
    super(message);
  }

  public EventStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
