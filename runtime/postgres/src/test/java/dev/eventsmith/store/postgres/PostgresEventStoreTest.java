package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/** What the PostgreSQL store does beyond the contract: schema, limits, errors a user can cause. */
class PostgresEventStoreTest {

  @Test
  void openingTwiceMigratesOnce() throws Exception {
    try (HikariDataSource pool = TestPostgres.freshSchema()) {
      PostgresEventStore.open(pool).close();
      PostgresEventStore.open(pool).close();

      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT count(*), max(version) FROM eventsmith_schema")) {
        rows.next();
        assertEquals(3, rows.getInt(1));
        assertEquals(3, rows.getInt(2));
      }
    }
  }

  @Test
  void aDatabaseWithANewerSchemaIsRefusedWithAnUpgradeHint() throws Exception {
    try (HikariDataSource pool = TestPostgres.freshSchema()) {
      PostgresEventStore.open(pool).close();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO eventsmith_schema (version) VALUES (99)");
      }

      EventStoreException e = assertThrows(EventStoreException.class, () -> PostgresEventStore.open(pool));
      assertTrue(e.getMessage().contains("upgrade Eventsmith"), e.getMessage());
    }
  }

  @Test
  void aCommittedAppendNotifiesListeners() throws Exception {
    try (HikariDataSource pool = TestPostgres.freshSchema(); PostgresEventStore store = PostgresEventStore.open(pool);
        Connection listener = pool.getConnection(); Statement s = listener.createStatement()) {
      s.execute("LISTEN " + PostgresEventStore.CHANNEL);
      PGConnection pg = listener.unwrap(PGConnection.class);
      assertEquals(0, pg.getNotifications(200).length, "nothing appended yet");

      store.append(StreamId.of("Cart", 1), ExpectedVersion.noStream(),
          List.of(new NewEvent(UUID.randomUUID(), "Happened", 1, new byte[0], Map.of())));

      PGNotification[] notifications = pg.getNotifications(5_000);
      assertEquals(1, notifications.length);
      assertEquals(PostgresEventStore.CHANNEL, notifications[0].getName());
    }
  }

  @Test
  void anUnreachableDatabaseSaysWhatToCheck() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

    EventStoreException e = assertThrows(EventStoreException.class, () -> PostgresEventStore.open(nowhere));
    assertTrue(e.getMessage().contains("check the database URL"), e.getMessage());
    assertInstanceOf(StoreUnavailableException.class, e, "a runner may retry it later");
  }

  @Test
  void anAppendOfMoreEventsThanAPositionCanNumberIsRefusedBeforeWriting() {
    try (HikariDataSource pool = TestPostgres.freshSchema(); PostgresEventStore store = PostgresEventStore.open(pool)) {
      List<NewEvent> tooMany = new ArrayList<>();
      NewEvent one = new NewEvent(UUID.randomUUID(), "Tiny", 1, new byte[0], Map.of());
      for (int i = 0; i <= PostgresEventStore.MAX_EVENTS_PER_APPEND; i++) {
        tooMany.add(one);
      }
      StreamId stream = StreamId.of("Big", 1);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.append(stream, ExpectedVersion.any(), tooMany));
      assertTrue(e.getMessage().contains("split it"), e.getMessage());
      assertEquals(0, store.streamVersion(stream));
    }
  }

  @Test
  void checkWritableCommitsAWriteAndFailsWhereTheDatabaseCannotWrite() throws Exception {
    String schema = TestPostgres.newSchema();
    try (HikariDataSource pool = TestPostgres.pool(schema)) {
      PostgresEventStore store = PostgresEventStore.open(pool);
      store.checkWritable();
      store.append(StreamId.of("Cart", "1"), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), "CartCreated",
          1, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of())));
      store.checkWritable();
      assertEquals(1, store.streamVersion(StreamId.of("Cart", "1")), "the check changes no event");
      store.close();
    }
    // A session that cannot write, as on a standby or a database set read-only: the store opens (its
    // tables exist), then every connection it takes is read-only.
    java.util.concurrent.atomic.AtomicBoolean readOnly = new java.util.concurrent.atomic.AtomicBoolean();
    PGSimpleDataSource source = new PGSimpleDataSource() {
      @Override
      public Connection getConnection() throws java.sql.SQLException {
        Connection connection = super.getConnection();
        connection.setReadOnly(readOnly.get());
        return connection;
      }
    };
    source.setUrl(TestPostgres.jdbcUrl());
    source.setUser("postgres");
    source.setCurrentSchema(schema);
    PostgresEventStore store = PostgresEventStore.open(source);
    store.checkWritable();
    readOnly.set(true);
    EventStoreException refused = assertThrows(EventStoreException.class, store::checkWritable);
    assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
    assertEquals(1, store.streamVersion(StreamId.of("Cart", "1")), "reads still work");
    store.close();
  }
}
