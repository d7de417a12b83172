package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventStore} must have; each store's test extends this class. */
public abstract class EventStoreContractTest {

  protected EventStore store;

  /** A new, empty store. */
  protected abstract EventStore createStore();

  @BeforeEach
  void open() {
    store = createStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static NewEvent event(String text) {
    return new NewEvent(UUID.randomUUID(), "Noted", 1, text.getBytes(StandardCharsets.UTF_8), Map.of("by", "test"));
  }

  protected static String text(RecordedEvent event) {
    return new String(event.data(), StandardCharsets.UTF_8);
  }

  private static final StreamId CART = StreamId.of("Cart", "1");
  private static final StreamId OTHER = StreamId.of("Cart", "2");

  @Test
  void a_missing_stream_is_at_version_zero_and_reads_empty() {
    assertEquals(0, store.streamVersion(CART));
    assertEquals(List.of(), store.readStream(CART, 1, 10));
    assertEquals(List.of(), store.readAll(0, 10));
  }

  @Test
  void appends_number_versions_and_positions_from_one() {
    NewEvent first = event("a");
    AppendResult one = store.append(CART, ExpectedVersion.noStream(), List.of(first, event("b")));
    AppendResult two = store.append(OTHER, ExpectedVersion.any(), List.of(event("c")));
    AppendResult three = store.append(CART, ExpectedVersion.exactly(2), List.of(event("d")));

    assertEquals(new AppendResult(CART, 2, 1, 2), one);
    assertEquals(new AppendResult(OTHER, 1, 3, 3), two);
    assertEquals(new AppendResult(CART, 3, 4, 4), three);
    assertEquals(3, store.streamVersion(CART));

    List<RecordedEvent> cart = store.readStream(CART, 1, 10);
    assertEquals(List.of("a", "b", "d"), cart.stream().map(EventStoreContractTest::text).toList());
    assertEquals(List.of(1L, 2L, 3L), cart.stream().map(RecordedEvent::streamVersion).toList());
    assertEquals(List.of(1L, 2L, 4L), cart.stream().map(RecordedEvent::globalPosition).toList());
    RecordedEvent stored = cart.get(0);
    assertEquals(first.eventId(), stored.eventId());
    assertEquals("Noted", stored.type());
    assertEquals(1, stored.schemaVersion());
    assertEquals(Map.of("by", "test"), stored.metadata());
  }

  @Test
  void reads_pages_of_a_stream_and_of_the_log() {
    for (int i = 1; i <= 5; i++) {
      store.append(CART, ExpectedVersion.any(), List.of(event("e" + i)));
    }
    assertEquals(List.of("e3", "e4"), store.readStream(CART, 3, 2).stream().map(EventStoreContractTest::text).toList());
    assertEquals(List.of("e5"), store.readStream(CART, 5, 2).stream().map(EventStoreContractTest::text).toList());
    assertEquals(List.of(), store.readStream(CART, 6, 2));
    assertEquals(List.of(), store.readStream(CART, 1, 0));
    assertEquals(List.of(3L, 4L), store.readAll(2, 2).stream().map(RecordedEvent::globalPosition).toList());
    assertEquals(List.of(), store.readAll(5, 2));
  }

  @Test
  void refuses_an_append_at_the_wrong_version_and_appends_nothing() {
    store.append(CART, ExpectedVersion.noStream(), List.of(event("a")));

    WrongExpectedVersionException noStream = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(CART, ExpectedVersion.noStream(), List.of(event("x"))));
    assertEquals(1, noStream.actual());
    assertEquals(CART, noStream.stream());
    WrongExpectedVersionException stale = assertThrows(WrongExpectedVersionException.class,
        () -> store.append(CART, ExpectedVersion.exactly(2), List.of(event("x"), event("y"))));
    assertEquals(1, stale.actual());
    assertThrows(WrongExpectedVersionException.class,
        () -> store.append(OTHER, ExpectedVersion.exactly(1), List.of(event("x"))));

    assertEquals(1, store.streamVersion(CART));
    assertEquals(0, store.streamVersion(OTHER));
    assertEquals(1, store.readAll(0, 10).size());
  }

  @Test
  void refuses_an_empty_append() {
    assertThrows(IllegalArgumentException.class, () -> store.append(CART, ExpectedVersion.any(), List.of()));
    assertEquals(0, store.streamVersion(CART));
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
  void concurrent_writers_on_one_stream_get_exactly_one_winner_per_version() throws Exception {
    int writers = 8;
    int versions = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    Map<Long, String> winners = new ConcurrentHashMap<>();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String writer = "w" + w;
      done.add(pool.submit(() -> {
        start.await();
        while (true) {
          long version = store.streamVersion(CART);
          if (version >= versions) {
            return null;
          }
          try {
            AppendResult result = store.append(CART, ExpectedVersion.exactly(version), List.of(event(writer)));
            String previous = winners.put(result.nextExpectedVersion(), writer);
            assertEquals(null, previous, "two winners for version " + result.nextExpectedVersion());
          } catch (WrongExpectedVersionException e) {
            // lost the race for this version: read again and try the next one
          }
        }
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<RecordedEvent> stream = store.readStream(CART, 1, versions * 2);
    assertEquals(versions, stream.size());
    for (int i = 0; i < versions; i++) {
      RecordedEvent recorded = stream.get(i);
      assertEquals(i + 1L, recorded.streamVersion());
      assertEquals(i + 1L, recorded.globalPosition());
      assertEquals(winners.get(recorded.streamVersion()), text(recorded), "the stored event is the winner's");
    }
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
      assertEquals("+", text(log.get(i + 1)));
    }
  }
}
