package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory store promises beyond the contract every store passes (that contract runs in
 * the store-contract module): its clock, dense positions, and immutable reads.
 */
class InMemoryEventStoreTest {

  private static final Instant NOON = Instant.parse("2026-01-31T12:00:00Z");
  private static final StreamId CART = StreamId.of("Cart", "1");

  private final InMemoryEventStore store = new InMemoryEventStore(Clock.fixed(NOON, ZoneOffset.UTC));

  private static NewEvent event(String text) {
    return new NewEvent(UUID.randomUUID(), "Noted", 1, text.getBytes(StandardCharsets.UTF_8), Map.of("by", "test"));
  }

  @Test
  void stamps_events_with_the_given_clock() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a")));
    assertEquals(NOON, store.readAll(0, 1).get(0).recordedAt());
  }

  @Test
  void refuses_nonsense_ranges() {
    assertThrows(IllegalArgumentException.class, () -> store.readStream(CART, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> store.readAll(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> store.readAll(0, -1));
  }

  @Test
  void reads_are_immutable_snapshots() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a")));
    List<RecordedEvent> read = store.readAll(0, 10);
    store.append(CART, ExpectedVersion.any(), List.of(event("b")));

    assertEquals(1, read.size());
    assertThrows(UnsupportedOperationException.class, () -> read.add(read.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> store.readStream(CART, 1, 10).clear());
  }

  @Test
  void concurrent_appends_to_many_streams_give_dense_positions_in_commit_order() throws Exception {
    int writers = 6;
    int perWriter = 300;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      StreamId stream = StreamId.of("Writer", w);
      done.add(pool.submit(() -> {
        for (int i = 0; i < perWriter; i++) {
          store.append(stream, ExpectedVersion.exactly(2L * i), List.of(event(Integer.toString(i)), event("+")));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<RecordedEvent> log = store.readAll(0, Integer.MAX_VALUE);
    assertEquals(writers * perWriter * 2, log.size());
    Map<StreamId, Long> lastVersion = new ConcurrentHashMap<>();
    for (int i = 0; i < log.size(); i++) {
      RecordedEvent recorded = log.get(i);
      assertEquals(i + 1L, recorded.globalPosition(), "no gap and no reordering in the log");
      long previous = lastVersion.getOrDefault(recorded.stream(), 0L);
      assertEquals(previous + 1, recorded.streamVersion(), "a stream's events appear in version order");
      lastVersion.put(recorded.stream(), recorded.streamVersion());
    }
    // the two events of one append are adjacent: appends are atomic
    for (int i = 0; i < log.size(); i += 2) {
      assertEquals(log.get(i).stream(), log.get(i + 1).stream());
      assertEquals("+", new String(log.get(i + 1).data(), StandardCharsets.UTF_8));
    }
  }
}
