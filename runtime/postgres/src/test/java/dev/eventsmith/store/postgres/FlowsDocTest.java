package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.store.contract.FlowsDoc;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** docs/flows.md on PostgreSQL: the flow is traced by the page's query. */
class FlowsDocTest {

  @Test
  void the_pages_query_lists_a_flow_in_order() throws Exception {
    try (HikariDataSource pool = TestPostgres.freshSchema();
        PostgresEventStore events = PostgresEventStore.open(pool);
        PostgresCheckpointStore checkpoints = PostgresCheckpointStore.open(pool);
        Connection connection = pool.getConnection()) {
      FlowsDoc.run(events, checkpoints, connection, "PostgreSQL");
    }
  }
}
