package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.DurableViewStoreContract;
import dev.eventsmith.store.contract.Tallies.Tally;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
}
