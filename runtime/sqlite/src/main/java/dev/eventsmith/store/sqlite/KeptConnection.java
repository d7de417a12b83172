package dev.eventsmith.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One write connection to a file, kept open and used by one caller at a time: what a view or
 * snapshot store in SQLite needs (SQLite lets one connection write at a time anyway).
 */
final class KeptConnection extends SqliteDatabase implements AutoCloseable {

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private KeptConnection(SqliteFile file, Connection connection) {
    super(file);
    this.connection = connection;
  }

  /** Opens a write connection to {@code file}, creating the file and its directory if needed. */
  static KeptConnection open(SqliteFile file) {
    file.prepareDirectory();
    KeptConnection kept = new KeptConnection(file, file.openWriter());
    try {
      file.rememberIdentity();
    } catch (RuntimeException e) {
      kept.close();
      throw e;
    }
    return kept;
  }

  /** A view or checkpoint written to a file deleted or replaced meanwhile is lost: say so, do not acknowledge it. */
  @Override
  protected void checkCommitted() {
    file.checkIdentity();
  }

  @Override
  protected Connection connect() {
    lock.lock();
    return connection;
  }

  @Override
  protected void release(Connection connection) {
    lock.unlock();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Every transaction on it has ended; nothing written is lost by a failing close.
    } finally {
      lock.unlock();
    }
  }
}
