package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.DurableViewStoreContract;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.jdbc.internal.Components;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Views in the events' PostgreSQL database. */
class PostgresViewStoreContractTest extends DurableViewStoreContract {

  private HikariDataSource pool;

  @Override
  protected EventStore newEventStore() {
    pool = TestPostgres.freshSchema();
    return PostgresEventStore.open(pool);
  }

  @Override
  protected ViewStore<String, Tally> openView(String name, RowCodec<String, Tally> rows) {
    return PostgresViewStore.open(pool, name, rows);
  }

  @Override
  protected void overwriteRow(String view, String key, String json) throws Exception {
    try (Connection c = pool.getConnection(); PreparedStatement update = c.prepareStatement(
        "UPDATE eventsmith_view_" + view + " SET view_row = ?::jsonb WHERE view_key = ?")) {
      update.setString(1, json);
      update.setString(2, key);
      update.executeUpdate();
    }
  }

  @Override
  protected void createAtSchemaVersion(String view, int version) {
    PostgresDatabase database = new PostgresDatabase(pool);
    JdbcCheckpoints.migrate(database, PostgresDialect.INSTANCE);
    Components.migrate(database, PostgresDialect.INSTANCE, "view:" + view,
        List.of("view/V1__view.sql", "view/V2__fenced_checkpoint.sql", "view/V3__lookups.sql").subList(0, version),
        Map.of("view", view));
  }

  @Override
  protected void execute(String sql) throws Exception {
    try (Connection c = pool.getConnection(); Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  protected long number(String sql) throws Exception {
    try (Connection c = pool.getConnection(); Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
