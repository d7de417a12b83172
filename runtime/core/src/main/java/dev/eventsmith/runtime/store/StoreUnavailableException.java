package dev.eventsmith.runtime.store;

/**
 * The storage could not be used for now: the connection was lost or refused, the server is
 * restarting, another process holds the database locked. The same call may succeed later, so a
 * runner that only reads and applies under a fenced checkpoint (a
 * {@link dev.eventsmith.runtime.projection.LiveProjection}) retries it. An append that failed so
 * may or may not have committed: reload the stream to find out before deciding again.
 */
public class StoreUnavailableException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
