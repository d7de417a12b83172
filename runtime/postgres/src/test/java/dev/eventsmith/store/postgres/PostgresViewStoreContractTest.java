package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.DurableViewStoreContract;
import dev.eventsmith.store.contract.Tallies.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

  @AfterEach
  void closePool() {
    pool.close();
  }
}
