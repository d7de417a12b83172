package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.store.jdbc.internal.JdbcDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import javax.sql.DataSource;

/** The store's DataSource, with PostgreSQL's failures turned into what the user can do about them. */
final class PostgresDatabase extends JdbcDatabase {

  private final DataSource dataSource;

  PostgresDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  protected Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  protected void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Back to the pool, or discarded by it if broken: nothing to recover.
    }
  }

  @Override
  public String describe() {
    return "the PostgreSQL database";
  }

  /**
   * SQL states after which the same call may succeed: the connection was lost or refused (class
   * 08), the server shut down or restarts (57P01..57P03, as when pg_terminate_backend ends a
   * session), it has no connection to spare (53300), or a transaction lost a conflict (40001, 40P01).
   */
  private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

  @Override
  public EventStoreException failure(String doing, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || TRANSIENT.contains(state) || e instanceof SQLTransientException
        || e instanceof SQLRecoverableException) {
      return new StoreUnavailableException("cannot " + doing + " the event store: " + e.getMessage()
          + "; the database is unreachable for now (SQL state " + state + "): check the database URL, that the server "
          + "is running and that it accepts connections from here; retrying later may succeed", e);
    }
    String advice;
    if (state.startsWith("28")) {
      advice = "check the user name and password the DataSource connects with";
    } else if (state.equals("3D000")) {
      advice = "create the database, or point the DataSource at an existing one";
    } else if (state.equals("42501")) {
      advice = "grant the user the rights to create and use the eventsmith_* tables";
    } else if (state.equals("53100")) {
      advice = "the database server's disk is full; free space and retry";
    } else {
      advice = "see the cause (SQL state " + state + ")";
    }
    return new EventStoreException("cannot " + doing + " the event store: " + e.getMessage() + "; " + advice, e);
  }
}
