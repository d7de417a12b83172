package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's conditional appends do not serialise unrelated writers: while one tagged append is
 * in flight (its transaction open, its locks held), appends and reads of other courses proceed,
 * and only those whose query could match its event wait, and then see it.
 */
class PostgresTagLocksTest {

  private HikariDataSource pool;
  private PostgresEventStore store;

  @BeforeEach
  void open() {
    pool = TestPostgres.freshSchema();
    store = PostgresEventStore.open(pool);
  }

  @AfterEach
  void close() {
    store.close();
    pool.close();
  }

  private static TaggedEvent subscribed(String student, String course) {
    return new TaggedEvent(new NewEvent(UUID.randomUUID(), "Subscribed", 1,
        (student + "|" + course).getBytes(StandardCharsets.UTF_8), Map.of()),
        Set.of("student:" + student, "course:" + course));
  }

  private static EventQuery course(String course) {
    return EventQuery.of(QueryItem.of(Set.of("Subscribed"), "course:" + course));
  }

  @Test
  void unrelatedWritersProceedWhileAnAppendHoldsItsLocksAndMatchingOnesWaitThenSeeIt() throws Exception {
    try (Connection inFlight = pool.getConnection()) {
      inFlight.setAutoCommit(false);
      // An append of ann to c1, in flight: locked, written, not committed.
      PostgresTags.appendIn(store, inFlight, StreamId.of("Course", "c1"), List.of(subscribed("ann", "c1")),
          new AppendCondition(course("c1"), 0));

      // Another course, another student: neither waits.
      store.appendTagged(StreamId.of("Course", "c2"), List.of(subscribed("bob", "c2")),
          new AppendCondition(course("c2"), 0));
      assertEquals(1, store.read(course("c2"), 0, 10).size());

      // A decision on c1 that read nothing: its append must wait for ann's, then fail on it.
      CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> store.appendTagged(
          StreamId.of("Course", "c1"), List.of(subscribed("cid", "c1")), new AppendCondition(course("c1"), 0)));
      CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> store.read(course("c1"), 0, 10).size());
      waitForWaiters(2);
      assertFalse(blocked.isDone(), "the check waits for the append in flight");
      assertFalse(reader.isDone(), "so does the read of a decision");

      inFlight.commit();

      ExecutionException failed = assertThrows(ExecutionException.class, () -> blocked.get(60, TimeUnit.SECONDS));
      assertInstanceOf(AppendConditionFailedException.class, failed.getCause());
      assertEquals(1, reader.get(60, TimeUnit.SECONDS), "the read waited and saw ann's event");
    }
    assertEquals(1, store.read(course("c1"), 0, 10).size(), "cid was not appended");
  }

  /** Waits until {@code count} sessions wait for an advisory lock (no clock involved: the database says). */
  private void waitForWaiters(int count) throws Exception {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
  }
}
