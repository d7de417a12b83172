package dev.eventsmith.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells LISTENing subscriptions that appends committed, from a thread and connection of its own.
 *
 * <p>Why not NOTIFY inside the append's transaction: PostgreSQL then holds a database-wide lock from
 * the NOTIFY until after the commit's WAL flush, so concurrent appends commit one at a time (we
 * measured 1,500 instead of 7,500 appends/s with 16 writers). Here appends only raise a flag, and
 * one NOTIFY covers every append that committed while the previous one was being sent. If a
 * notification is lost (database down), subscriptions still find new events by their periodic read.
 */
final class CommitNotifier implements AutoCloseable {

  private final PostgresDatabase database;
  private final Object lock = new Object();
  private boolean pending;
  private boolean closed;
  private Thread thread;

  CommitNotifier(PostgresDatabase database) {
    this.database = database;
  }

  void committed() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending = true;
      if (thread == null) {
        thread = new Thread(this::run, "eventsmith-postgres-notifier");
        thread.setDaemon(true);
        thread.start();
      }
      lock.notifyAll();
    }
  }

  private void run() {
    Connection connection = null;
    while (awaitPending()) {
      try {
        if (connection == null) {
          connection = database.dataSource().getConnection();
        }
        try (Statement notify = connection.createStatement()) {
          notify.execute("SELECT pg_notify('" + PostgresEventStore.CHANNEL + "', '')");
        }
      } catch (SQLException e) {
        connection = closeQuietly(connection);
      }
    }
    closeQuietly(connection);
  }

  private boolean awaitPending() {
    synchronized (lock) {
      while (!pending && !closed) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          return false;
        }
      }
      pending = false;
      return !closed;
    }
  }

  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      closed = true;
      running = thread;
      lock.notifyAll();
    }
    if (running != null) {
      try {
        running.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Connection closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Broken already; the next notification opens a new one.
      }
    }
    return null;
  }
}
