package dev.eventsmith.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, inside a transaction or not, answering {@code T}. */
@FunctionalInterface
public interface SqlWork<T> {

  T run(Connection connection) throws SQLException;
}
