package dev.eventsmith.store.sqlite;

import dev.eventsmith.store.contract.FlowsDoc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/flows.md on SQLite: the flow is traced by the page's query. */
class FlowsDocTest {

  @TempDir
  Path directory;

  @Test
  void the_pages_query_lists_a_flow_in_order() throws Exception {
    Path file = directory.resolve("app.db");
    try (SqliteEventStore events = SqliteEventStore.open(file);
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      FlowsDoc.run(events, checkpoints, connection, "SQLite");
    }
  }

  @Test
  void the_pages_java_is_run() {
    FlowsDoc.checkJavaLines();
  }
}
