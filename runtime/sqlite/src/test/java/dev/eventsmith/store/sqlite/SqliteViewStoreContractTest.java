package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.DurableViewStoreContract;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.jdbc.internal.Components;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpoints;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Views in the events' own SQLite file. */
class SqliteViewStoreContractTest extends DurableViewStoreContract {

  @TempDir
  Path directory;

  private Path file() {
    return directory.resolve("app.db");
  }

  @Override
  protected EventStore newEventStore() {
    return SqliteEventStore.open(file());
  }

  @Override
  protected ViewStore<String, Tally> openView(String name, RowCodec<String, Tally> rows) {
    return SqliteViewStore.open(file(), name, rows);
  }

  @Override
  protected void overwriteRow(String view, String key, String json) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        PreparedStatement update = c.prepareStatement(
            "UPDATE eventsmith_view_" + view + " SET view_row = ? WHERE view_key = ?")) {
      update.setString(1, json);
      update.setString(2, key);
      update.executeUpdate();
    }
  }

  @Override
  protected void createAtSchemaVersion(String view, int version) {
    try (KeptConnection database = KeptConnection.open(new SqliteFile(file(), SqliteEventStore.Sync.FULL))) {
      JdbcCheckpoints.migrate(database, SqliteDialect.INSTANCE);
      Components.migrate(database, SqliteDialect.INSTANCE, "view:" + view,
          List.of("view/V1__view.sql", "view/V2__fenced_checkpoint.sql", "view/V3__lookups.sql").subList(0, version),
          Map.of("view", view));
    }
  }

  @Override
  protected void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  protected long number(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
