package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.jdbc.internal.JdbcDatabase;
import java.sql.Connection;
import java.sql.SQLException;
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

  @Override
  public EventStoreException failure(String doing, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String advice;
    if (state.startsWith("08")) {
      advice = "check the database URL, that the server is running and that it accepts connections from here";
    } else if (state.startsWith("28")) {
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
