package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classic relational-store gap: a slow transaction holds an earlier position while faster ones
 * commit later positions. A subscriber must still get every event once, in order.
 */
class LateCommitSubscriptionTest {

  private HikariDataSource pool;
  private PostgresEventStore store;
  private final List<RecordedEvent> received = new CopyOnWriteArrayList<>();

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

  @Test
  void anEarlierPositionCommittedLateIsDeliveredOnceAndInOrder() throws Exception {
    store.append(StreamId.of("Before", 1), ExpectedVersion.noStream(), List.of(event("before-1"), event("before-2")));
    try (PostgresSubscription subscription = store.subscribe(0, received::add)) {
      awaitReceived(2);

      AppendResult slow;
      List<AppendResult> fast = new ArrayList<>();
      try (Connection slowConnection = pool.getConnection()) {
        slowConnection.setAutoCommit(false);
        slow = store.appendIn(slowConnection, StreamId.of("Slow", 1), ExpectedVersion.noStream(), List.of(event("slow")));
        for (int i = 0; i < 5; i++) {
          fast.add(store.append(StreamId.of("Fast", i), ExpectedVersion.noStream(), List.of(event("fast-" + i))));
        }
        for (AppendResult result : fast) {
          assertTrue(result.firstPosition() > slow.lastPosition(),
              "the scenario needs the slow transaction to hold the earlier position");
        }
        assertEquals(1, store.streamVersion(StreamId.of("Fast", 4)), "the fast appends did commit");

        Thread.sleep(1_500); // the slow transaction dawdles; the subscriber has every chance to run ahead
        assertEquals(List.of("before-1", "before-2"), texts(received),
            "nothing above the open transaction's position may be delivered yet");

        slowConnection.commit();
      }

      awaitReceived(8);
      assertEquals(List.of("before-1", "before-2", "slow", "fast-0", "fast-1", "fast-2", "fast-3", "fast-4"),
          texts(received));
      assertEquals(slow.firstPosition(), received.get(2).globalPosition());
      assertStrictlyIncreasing(received);
      assertEquals(fast.get(4).lastPosition(), subscription.position());
    }
  }

  @Test
  void aRolledBackSlowTransactionLeavesNoEventAndDoesNotStallTheSubscriber() throws Exception {
    try (PostgresSubscription subscription = store.subscribe(0, received::add)) {
      try (Connection slowConnection = pool.getConnection()) {
        slowConnection.setAutoCommit(false);
        store.appendIn(slowConnection, StreamId.of("Slow", 1), ExpectedVersion.noStream(), List.of(event("slow")));
        store.append(StreamId.of("Fast", 1), ExpectedVersion.noStream(), List.of(event("fast")));
        Thread.sleep(500);
        assertEquals(List.of(), texts(received));
        slowConnection.rollback();
      }

      // No notification comes from a rollback: the subscription's periodic read must find "fast".
      awaitReceived(1);
      assertEquals(List.of("fast"), texts(received));
      assertEquals(0, store.streamVersion(StreamId.of("Slow", 1)));
      assertEquals(received.get(0).globalPosition(), subscription.position());
    }
  }

  @Test
  void aSubscriberCatchesUpFromAPositionThenFollowsLive() throws Exception {
    AppendResult first = store.append(StreamId.of("Cart", 1), ExpectedVersion.noStream(), List.of(event("a"), event("b")));
    try (PostgresSubscription subscription = store.subscribe(first.firstPosition(), received::add)) {
      awaitReceived(1);
      store.append(StreamId.of("Cart", 1), ExpectedVersion.exactly(2), List.of(event("c")));
      awaitReceived(2);
      assertEquals(List.of("b", "c"), texts(received));
      assertTrue(subscription.failure().isEmpty());
    }
  }

  @Test
  void aHandlerThatThrowsStopsTheSubscriptionAndIsReported() throws Exception {
    store.append(StreamId.of("Cart", 1), ExpectedVersion.noStream(), List.of(event("a"), event("b")));
    PostgresSubscription subscription = store.subscribe(0, e -> {
      received.add(e);
      throw new IllegalStateException("projection bug");
    });
    try {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (subscription.failure().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals("projection bug", subscription.failure().orElseThrow().getMessage());
      assertEquals(List.of("a"), texts(received), "no event after the failing one is delivered");
      assertEquals(0, subscription.position(), "the failed event is not counted as handled");
    } finally {
      subscription.close();
    }
  }

  private void awaitReceived(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (received.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, received.size(), () -> "received " + texts(received));
  }

  private static void assertStrictlyIncreasing(List<RecordedEvent> events) {
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i - 1).globalPosition() < events.get(i).globalPosition());
    }
  }

  private static List<String> texts(List<RecordedEvent> events) {
    return events.stream().map(e -> new String(e.data(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  private static NewEvent event(String data) {
    return new NewEvent(UUID.randomUUID(), "Happened", 1, data.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
