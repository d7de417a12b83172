package dev.eventsmith.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs on the store's channel on a thread and connection of its own and calls a wake-up on
 * every notification, so a live projection hears of appends made by other processes at once.
 */
final class AppendListener implements AutoCloseable {

  private static final int WAIT_MILLIS = 500;
  private static final long RETRY_MILLIS = 1_000;

  private final PostgresDatabase database;
  private final Runnable wakeUp;
  private final Thread thread;
  private volatile boolean closed;

  AppendListener(PostgresDatabase database, Runnable wakeUp) {
    this.database = database;
    this.wakeUp = wakeUp;
    this.thread = new Thread(this::listen, "eventsmith-postgres-append-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void listen() {
    Connection connection = null;
    while (!closed) {
      try {
        if (connection == null) {
          connection = database.dataSource().getConnection();
          try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + PostgresEventStore.CHANNEL);
          }
          // Appends may have committed before LISTEN took effect: wake once so nothing waits a whole poll.
          wakeUp.run();
        }
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
        if (notifications != null && notifications.length > 0) {
          wakeUp.run();
        }
      } catch (SQLException | RuntimeException e) {
        // The database went away: reconnect; meanwhile the projection still polls.
        connection = closeQuietly(connection);
        sleep();
      }
    }
    closeQuietly(connection);
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

  private void sleep() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }
}
