package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import dev.eventsmith.store.jdbc.internal.SqlScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store does beyond the contract: files, schema, errors a user can cause. */
class SqliteEventStoreTest {

  @TempDir
  Path directory;

  private final StreamId cart = StreamId.of("Cart", "1");

  @Test
  void eventsSurviveClosingAndReopeningTheFile() {
    Path file = directory.resolve("nested/dir/events.db");
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      store.append(cart, ExpectedVersion.noStream(), List.of(event("a"), event("b")));
    }
    assertTrue(Files.exists(file), "open creates the file and its directories");

    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      assertEquals(2, store.streamVersion(cart));
      assertEquals(3, store.append(cart, ExpectedVersion.exactly(2), List.of(event("c"))).lastPosition(),
          "positions continue where the file left off");
    }
  }

  @Test
  void theSchemaVersionIsRecordedOnce() throws Exception {
    Path file = directory.resolve("events.db");
    SqliteEventStore.open(file).close();
    SqliteEventStore.open(file).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      var rows = s.executeQuery("SELECT count(*), max(version) FROM eventsmith_schema");
      rows.next();
      assertEquals(3, rows.getInt(1));
      assertEquals(3, rows.getInt(2));
    }
  }

  @Test
  void aFileFromBeforeUniqueIdsAndFencedCheckpointsIsUpgradedAndItsViewKeepsItsPlace() throws Exception {
    Path file = directory.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      runScripts(s, "schema-history.sql", "V1__events.sql", "components.sql", "view/V1__view.sql");
      s.executeUpdate("INSERT INTO eventsmith_schema (version, applied_at) VALUES (1, 'then')");
      s.executeUpdate("INSERT INTO eventsmith_components (component, version, applied_at) VALUES ('view:tallies', 1, 'then')");
      s.executeUpdate("INSERT INTO eventsmith_view_tallies (view_key, view_row) VALUES "
          + "('a', '{\"counter\":\"a\",\"total\":5,\"events\":1}')");
      s.executeUpdate("UPDATE eventsmith_checkpoints SET position = 1 WHERE view_name = 'tallies'");
    }
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      Tallies.count(store, "a", 5);
      long last = Tallies.count(store, "a", 2);
      try (SqliteViewStore<String, Tally> view = SqliteViewStore.open(file, "tallies", new TallyRows())) {
        assertEquals(new Checkpoint(1, 0), view.checkpoint(), "the view's place moved to the fenced table");

        new ProjectionRunner<>(store, Tallies.CODEC, new TallyProjector(), view).catchUp();

        assertEquals(Map.of("a", new Tally("a", 7, 2)), view.all(), "carried on from where it was, not from 0");
        assertEquals(last, view.checkpoint().position());
      }
    }
  }

  @Test
  void aFileWhoseLogHoldsOneEventIdTwiceIsRefusedWithHowToFindThem() throws Exception {
    Path file = directory.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      runScripts(s, "schema-history.sql", "V1__events.sql");
      s.executeUpdate("INSERT INTO eventsmith_schema (version, applied_at) VALUES (1, 'then')");
      for (int position = 1; position <= 2; position++) {
        // The same command handled twice by an older version: the same event id in two places.
        s.executeUpdate("INSERT INTO events (position, stream, version, event_id, type, schema_version, data, metadata, "
            + "recorded_at) VALUES (" + position + ", 'Cart-1', " + position + ", x'000102030405060708090a0b0c0d0e0f', "
            + "'Happened', 1, x'', '{}', 0)");
      }
    }

    EventStoreException e = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));

    assertEquals(SqliteSchema.DUPLICATE_IDS, e.getMessage());
    assertTrue(e.getMessage().contains("SELECT hex(event_id), count(*) FROM events GROUP BY event_id"));
  }

  private static void runScripts(Statement statement, String... scripts) throws Exception {
    for (String script : scripts) {
      for (String sql : SqlScripts.statements("/dev/eventsmith/store/sqlite/" + script, Map.of("view", "tallies"))) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void aFileWithANewerSchemaIsRefusedWithAnUpgradeHint() throws Exception {
    Path file = directory.resolve("events.db");
    SqliteEventStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO eventsmith_schema (version, applied_at) VALUES (99, 'future')");
    }

    EventStoreException e = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));
    assertTrue(e.getMessage().contains("upgrade Eventsmith"), e.getMessage());
  }

  @Test
  void aDirectoryIsNotAStoreFile() {
    EventStoreException e = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(directory));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedWithAHint() throws Exception {
    Path file = directory.resolve("notes.txt");
    Files.writeString(file, "these are not the events you are looking for, ".repeat(100));

    EventStoreException e = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));
    assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
  }

  @Test
  void aPathBelowAFileCannotBeCreated() throws Exception {
    Path blocker = directory.resolve("plain-file");
    Files.writeString(blocker, "x");

    EventStoreException e = assertThrows(EventStoreException.class,
        () -> SqliteEventStore.open(blocker.resolve("events.db")));
    assertTrue(e.getMessage().contains("check the path"), e.getMessage());
  }

  @Test
  void appendsAfterCloseAreRefused() {
    SqliteEventStore store = SqliteEventStore.open(directory.resolve("events.db"));
    store.close();

    EventStoreException e = assertThrows(EventStoreException.class,
        () -> store.append(cart, ExpectedVersion.any(), List.of(event("late"))));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
  }

  private static NewEvent event(String data) {
    return new NewEvent(UUID.randomUUID(), "Happened", 1, data.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
