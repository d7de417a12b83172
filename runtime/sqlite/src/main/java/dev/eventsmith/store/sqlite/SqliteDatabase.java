package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.jdbc.internal.JdbcDatabase;
import java.sql.SQLException;

/** Connections to one SQLite file, with SQLite's failures told as what the user can do about them. */
abstract class SqliteDatabase extends JdbcDatabase {

  final SqliteFile file;

  SqliteDatabase(SqliteFile file) {
    this.file = file;
  }

  @Override
  public EventStoreException failure(String doing, SQLException e) {
    return file.failure(doing, e);
  }

  @Override
  public String describe() {
    return "the SQLite file " + file.path();
  }
}
