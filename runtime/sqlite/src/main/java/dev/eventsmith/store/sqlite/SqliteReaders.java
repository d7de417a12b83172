package dev.eventsmith.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Read connections, kept apart from the writer's so reads never wait for a commit: in WAL mode
 * each read sees the last committed state. Idle ones are reused; a burst may open more.
 */
final class SqliteReaders extends SqliteDatabase implements AutoCloseable {

  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(8);
  private volatile boolean closed;

  SqliteReaders(SqliteFile file) {
    super(file);
  }

  @Override
  protected Connection connect() {
    Connection connection = idle.poll();
    return connection != null ? connection : file.openReader();
  }

  @Override
  protected void release(Connection connection) {
    if (closed || !idle.offer(connection)) {
      closeQuietly(connection);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c; (c = idle.poll()) != null; ) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // A read connection holds no writes; nothing is lost if closing it fails.
    }
  }
}
