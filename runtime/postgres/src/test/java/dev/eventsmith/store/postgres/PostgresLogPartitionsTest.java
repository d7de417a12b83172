package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import dev.eventsmith.store.postgres.PostgresLogPartitions.Partition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What partitioning the events table keeps beyond the contract (PartitionedEventStoreContractTest): the events stored before, and the order across partitions. */
class PostgresLogPartitionsTest {

  private static final int SPAN = 4;

  private HikariDataSource pool;
  private PostgresEventStore store;
  private PostgresLogPartitions partitions;

  @BeforeEach
  void open() {
    pool = TestPostgres.freshSchema();
    store = PostgresEventStore.open(pool);
    partitions = PostgresLogPartitions.open(pool).withTransactionsPerPartition(SPAN);
  }

  @AfterEach
  void close() {
    store.close();
    pool.close();
  }

  private static NewEvent event(String text) {
    return new NewEvent(UUID.randomUUID(), "Noted", 1, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static List<String> texts(List<RecordedEvent> events) {
    return events.stream().map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void events_stored_before_stay_and_versions_and_ids_stay_unique_across_old_and_new_partitions() throws Exception {
    StreamId cart = StreamId.of("Cart", 1);
    NewEvent first = event("a");
    store.append(cart, ExpectedVersion.noStream(), List.of(first, event("b")));
    store.append(StreamId.of("Cart", 2), ExpectedVersion.noStream(), List.of(event("x")));

    assertFalse(partitions.isPartitioned());
    assertTrue(partitions.partition());
    assertTrue(partitions.isPartitioned());
    assertFalse(partitions.partition(), "once is enough");
    for (int i = 0; i < 3 * SPAN; i++) {
      store.append(StreamId.of("Filler", i), ExpectedVersion.noStream(), List.of(event("filler-" + i)));
    }

    assertEquals(2, store.streamVersion(cart));
    assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.exactly(1), List.of(event("stale"))));
    assertThrows(WrongExpectedVersionException.class,
        () -> store.append(cart, ExpectedVersion.noStream(), List.of(event("again"))));
    DuplicateEventIdException duplicate = assertThrows(DuplicateEventIdException.class,
        () -> store.append(StreamId.of("Cart", 3), ExpectedVersion.noStream(), List.of(first)));
    assertTrue(duplicate.getMessage().contains("Cart-1@1"), duplicate.getMessage());
    AppendResult c = store.append(cart, ExpectedVersion.exactly(2), List.of(event("c")));

    assertEquals(List.of("a", "b", "c"), texts(store.readStream(cart, 1, 10)));
    assertEquals(3, c.nextExpectedVersion());
    assertEquals(first.eventId(), store.readEvent(first.eventId()).orElseThrow().eventId());
    List<RecordedEvent> log = store.readAll(0, 100);
    assertEquals(3 + 3 * SPAN + 1, log.size());
    assertStrictlyIncreasing(log);
    assertTrue(partitionsHoldingEvents() >= 3, "the events are spread over several partitions");
  }

  @Test
  void an_event_committed_late_below_a_later_partition_is_read_in_its_place() throws Exception {
    partitions.partition();
    AppendResult slow;
    try (Connection slowConnection = pool.getConnection()) {
      slowConnection.setAutoCommit(false);
      slow = store.appendIn(slowConnection, StreamId.of("Slow", 1), ExpectedVersion.noStream(), List.of(event("slow")));
      List<AppendResult> fast = new ArrayList<>();
      for (int i = 0; i < 3 * SPAN; i++) {
        fast.add(store.append(StreamId.of("Fast", i), ExpectedVersion.noStream(), List.of(event("fast-" + i))));
      }
      assertTrue(fast.get(fast.size() - 1).firstPosition() - slow.firstPosition()
          > 2L * SPAN << PostgresEventStore.INDEX_BITS, "the fast appends landed in later partitions");
      assertEquals(List.of(), store.readAll(0, 100), "nothing above the open transaction is visible yet");
      slowConnection.commit();
    }

    List<RecordedEvent> log = store.readAll(0, 100);
    assertEquals("slow", texts(log).get(0));
    assertEquals(slow.firstPosition(), log.get(0).globalPosition());
    assertEquals(1 + 3 * SPAN, log.size());
    assertStrictlyIncreasing(log);
  }

  @Test
  void partitions_are_created_ahead_and_above_anything_the_default_partition_caught() throws Exception {
    partitions.partition();
    List<Partition> before = partitions.partitions();
    assertEquals(1 + 2, before.size(), "the stored events, then two spans ahead");
    // Nobody extends: the appends outrun the partitions and land in the default one.
    for (int i = 0; i < 4 * SPAN; i++) {
      store.append(StreamId.of("Late", i), ExpectedVersion.noStream(), List.of(event("late-" + i)));
    }
    long caught = count("eventsmith_events_default");
    assertTrue(caught > 0);

    assertTrue(partitions.extend(2) >= 2);
    List<Partition> after = partitions.partitions();
    Partition next = after.get(before.size());
    assertTrue(next.fromPosition() > store.readAll(0, 100).get(4 * SPAN - 1).globalPosition(),
        "the new partitions start above what the default partition holds");
    for (int i = 0; i < after.size() - 1; i++) {
      assertTrue(after.get(i).toPosition() <= after.get(i + 1).fromPosition(), "partitions never overlap");
    }
    store.append(StreamId.of("Next", 1), ExpectedVersion.noStream(), List.of(event("next")));
    assertEquals(caught, count("eventsmith_events_default"), "new appends go to the new partitions");
    assertEquals(4 * SPAN + 1, store.readAll(0, 100).size());
  }

  private static void assertStrictlyIncreasing(List<RecordedEvent> log) {
    for (int i = 1; i < log.size(); i++) {
      assertTrue(log.get(i).globalPosition() > log.get(i - 1).globalPosition(), "the log goes forward at " + i);
    }
  }

  private long count(String table) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private int partitionsHoldingEvents() throws Exception {
    Set<String> holding = new HashSet<>();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT DISTINCT tableoid::regclass::text FROM eventsmith_events")) {
      while (rows.next()) {
        holding.add(rows.getString(1));
      }
    }
    return holding.size();
  }
}
