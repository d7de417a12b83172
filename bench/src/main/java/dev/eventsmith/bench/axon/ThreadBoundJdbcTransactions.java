package dev.eventsmith.bench.axon;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * JDBC transactions for Axon without Spring: what Spring's DataSourceTransactionManager and Axon's
 * SpringDataSourceConnectionProvider do together. A transaction binds one pooled connection to the
 * thread; Axon's components (the command bus's unit of work, the storage engine, the snapshotter)
 * all get that connection while it runs, so a command's reads, appends and commit are one database
 * transaction. Outside a transaction a connection is the pool's own, in autocommit mode.
 */
final class ThreadBoundJdbcTransactions implements TransactionManager, ConnectionProvider {

  private final DataSource pool;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  ThreadBoundJdbcTransactions(DataSource pool) {
    this.pool = pool;
  }

  @Override
  public Transaction startTransaction() {
    if (bound.get() != null) {
      return NESTED; // joins the running transaction, as Spring's PROPAGATION_REQUIRED does
    }
    Connection connection;
    try {
      connection = pool.getConnection();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new JdbcException("cannot start a transaction", e);
    }
    bound.set(connection);
    return new Transaction() {
      @Override
      public void commit() {
        finish(connection, true);
      }

      @Override
      public void rollback() {
        finish(connection, false);
      }
    };
  }

  private void finish(Connection connection, boolean commit) {
    bound.remove();
    try (connection) {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new JdbcException("cannot " + (commit ? "commit" : "roll back") + " a transaction", e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = bound.get();
    if (connection == null) {
      return pool.getConnection();
    }
    // Axon closes every connection it used; the transaction's stays open until it ends.
    return ConnectionWrapperFactory.wrap(connection, new ConnectionWrapperFactory.NoOpCloseHandler());
  }

  private static final Transaction NESTED = new Transaction() {
    @Override
    public void commit() {}

    @Override
    public void rollback() {}
  };
}
