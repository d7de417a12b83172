package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * A running subscription to a PostgreSQL store's global log: catch up, then follow live, until
 * closed. A lost connection or an unreachable database ({@link StoreUnavailableException}) is
 * retried after a pause that doubles from 100 ms up to 5 s, resuming after the last event handed
 * over, and counted in {@link #failures()}; a handler that throws, or an event that cannot be read,
 * stops the subscription and is kept in {@link #failure()}.
 */
public final class PostgresSubscription implements AutoCloseable {

  private static final int PAGE = 500;

  /**
   * Longest wait between two reads. Notifications wake the subscription at once; this only bounds
   * the delay when the log moves without one: a slow transaction rolled back, or an unrelated one
   * that held back the visible log ended.
   */
  private static final int POLL_MILLIS = 250;

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final PostgresEventStore store;
  private final PostgresDatabase database;
  private final Consumer<RecordedEvent> handler;
  private final Thread thread;
  private volatile long position;
  private volatile boolean closed;
  private volatile Throwable failure;
  private final AtomicLong failures = new AtomicLong();
  private volatile Throwable lastFailure;

  PostgresSubscription(PostgresEventStore store, PostgresDatabase database, long afterPosition,
      Consumer<RecordedEvent> handler) {
    this.store = store;
    this.database = database;
    this.handler = handler;
    this.position = afterPosition;
    this.thread = new Thread(this::follow, "eventsmith-postgres-subscription");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The global position of the last event handed to the handler (the start position before the first). */
  public long position() {
    return position;
  }

  /** Why the subscription stopped on its own: the handler threw, or an event could not be read. Empty while it runs or after close. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many times the database was unreachable and the subscription paused and reconnected. */
  public long failures() {
    return failures.get();
  }

  /** The latest time the database was unreachable, if it ever was. */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private void follow() {
    Connection listener = null;
    long pause = 0;
    while (!closed) {
      try {
        if (listener == null) {
          // LISTEN before reading, so a commit between the read and the wait still wakes us.
          listener = database.connect();
          try (Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + PostgresEventStore.CHANNEL);
          }
        }
        List<RecordedEvent> page = store.readAll(position, PAGE);
        for (RecordedEvent event : page) {
          if (closed) {
            break;
          }
          if (!deliver(event)) {
            break;
          }
          position = event.globalPosition();
        }
        if (page.size() < PAGE) {
          // Drains the notifications too: one read answers all of them.
          listener.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
        }
        pause = 0;
      } catch (SQLException | StoreUnavailableException e) {
        // The database went away or the connection broke: reconnect and resume from our position.
        failures.incrementAndGet();
        lastFailure = e;
        listener = closeQuietly(listener);
        pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(2 * pause, LONGEST_PAUSE_MILLIS);
        sleep(pause);
      } catch (RuntimeException e) {
        // An event that cannot be read: retrying reads it again, so stop and say why.
        failure = e;
        closed = true;
      }
    }
    closeQuietly(listener);
  }

  private boolean deliver(RecordedEvent event) {
    try {
      handler.accept(event);
      return true;
    } catch (RuntimeException | Error e) {
      failure = e;
      closed = true;
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Connection closeQuietly(Connection connection) {
    if (connection != null) {
      try (Statement unlisten = connection.createStatement()) {
        // A pooled connection goes back to the pool: it must not keep listening.
        unlisten.execute("UNLISTEN *");
      } catch (SQLException ignored) {
        // Broken connection: the pool discards it.
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Nothing to recover; we reconnect or are closing.
      }
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
