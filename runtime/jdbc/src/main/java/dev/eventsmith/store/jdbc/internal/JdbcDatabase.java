package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a store's connections come from (one kept connection, or a pool) and how the database's
 * failures are told to the user. Runs work on a connection, in a transaction or not.
 */
public abstract class JdbcDatabase {

  /** A connection for one piece of work; {@link #release} gives it back. */
  protected abstract Connection connect() throws SQLException;

  /** Gives back a connection {@link #connect} handed out, after the work on it. */
  protected abstract void release(Connection connection);

  /** Turns what the database said while {@code doing} into what the user can do about it. */
  public abstract EventStoreException failure(String doing, SQLException e);

  /** Names the database in messages: "the SQLite file /data/app.db", say. */
  public abstract String describe();

  /**
   * Called after every commit, before the caller hears of it: a store checks here that the commit
   * went where it will be found again. The default checks nothing.
   */
  protected void checkCommitted() {}

  /** Runs {@code work} on a connection in autocommit mode. */
  public <T> T read(String doing, SqlWork<T> work) {
    Connection connection = connectFor(doing);
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(doing, e);
    } finally {
      release(connection);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
   * anything, so a failure half-way leaves nothing behind.
   */
  public <T> T inTransaction(String doing, SqlWork<T> work) {
    Connection connection = connectFor(doing);
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        checkCommitted();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        restoreQuietly(connection, autoCommit);
      }
    } catch (SQLException e) {
      throw failure(doing, e);
    } finally {
      release(connection);
    }
  }

  private Connection connectFor(String doing) {
    try {
      return connect();
    } catch (SQLException e) {
      throw failure(doing, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A broken connection rolls back by itself; the original failure is what matters.
      cause.addSuppressed(e);
    }
  }

  private static void restoreQuietly(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // Only a broken connection refuses this; a pool discards it, a kept one fails its next use.
    }
  }
}
