package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.Event;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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

  @Test
  void an_append_reports_the_positions_it_took() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a")));
    StreamId other = StreamId.of("Cart", "2");
    AppendResult result = store.append(other, ExpectedVersion.noStream(), List.of(event("b"), event("c")));
    assertEquals(new AppendResult(other, 2, 2, 3), result);
    assertEquals(List.of(2L, 3L), store.readStream(other, 1, 10).stream().map(RecordedEvent::globalPosition).toList());
  }

  @Test
  void pages_of_zero_or_past_the_end_are_empty() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a"), event("b")));
    assertEquals(List.of(), store.readAll(0, 0));
    assertEquals(List.of(), store.readStream(CART, 1, 0));
    assertEquals(List.of(), store.readAll(2, 10));
    assertEquals(List.of(), store.readStream(CART, 3, 10));
    assertEquals(1, store.readStream(CART, 2, 10).size());
    assertEquals("maxCount is never negative: -1",
        assertThrows(IllegalArgumentException.class, () -> store.readStream(CART, 1, -1)).getMessage());
    assertEquals("fromVersion starts at 1: 0",
        assertThrows(IllegalArgumentException.class, () -> store.readStream(CART, 0, 1)).getMessage());
    assertEquals("afterPosition is never negative: -1",
        assertThrows(IllegalArgumentException.class, () -> store.readAll(-1, 1)).getMessage());
  }

  @Test
  void a_thread_that_read_a_stream_version_can_append_next() {
    assertEquals(0, store.streamVersion(CART));
    store.append(CART, ExpectedVersion.noStream(), List.of(event("a")));
    assertEquals(1, store.streamVersion(CART));
    store.append(CART, ExpectedVersion.exactly(1), List.of(event("b")));
    assertEquals(2, store.streamVersion(CART));
  }

  @Test
  void a_reused_event_id_is_refused_naming_the_event_that_has_it() {
    NewEvent first = event("a");
    store.append(CART, ExpectedVersion.any(), List.of(first));
    StreamId other = StreamId.of("Cart", "2");
    DuplicateEventIdException stored = assertThrows(DuplicateEventIdException.class,
        () -> store.append(other, ExpectedVersion.any(), List.of(first)));
    assertEquals(first.eventId(), stored.eventId());
    assertEquals("the append to Cart-2 was refused: its event id " + first.eventId() + " is already the id of the Noted"
        + " event at Cart-1@1 (global position 1); event ids are unique in a store: give each new event a new id, or,"
        + " to repeat a command safely, send it with the same command id", stored.getMessage());
    NewEvent twice = event("b");
    DuplicateEventIdException repeated = assertThrows(DuplicateEventIdException.class,
        () -> store.append(other, ExpectedVersion.any(), List.of(twice, twice)));
    assertEquals(twice.eventId(), repeated.eventId());
    assertEquals(0, store.streamVersion(other));
  }

  @Test
  void every_id_is_found_and_refused_again_across_many_growths_of_the_index_and_log() {
    // Ids that differ in a few low bits only (not random), past several index growths and log chunks.
    int count = 20_000;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = new UUID(7, i);
      ids.add(id);
      store.append(StreamId.of("Cart", i % 97), ExpectedVersion.any(),
          List.of(new NewEvent(id, "Noted", 1, new byte[] {'1'}, Map.of())));
    }
    for (int i = 0; i < count; i++) {
      RecordedEvent found = store.readEvent(ids.get(i)).orElseThrow();
      assertEquals(ids.get(i), found.eventId());
      assertEquals(i + 1L, found.globalPosition());
    }
    assertEquals(java.util.Optional.empty(), store.readEvent(new UUID(7, count)));
    assertEquals(java.util.Optional.empty(), store.readEvent(new UUID(8, 0)));
    for (int i = 0; i < count; i += 997) {
      UUID reused = ids.get(i);
      DuplicateEventIdException refused = assertThrows(DuplicateEventIdException.class, () -> store.append(
          CART, ExpectedVersion.any(), List.of(new NewEvent(reused, "Noted", 1, new byte[] {'1'}, Map.of()))));
      assertEquals(reused, refused.eventId());
    }
    assertEquals(count, store.readAll(0, Integer.MAX_VALUE).size());
  }

  @Test
  void pages_of_the_log_across_its_chunks_hold_every_position_in_order() {
    for (int i = 0; i < 10_000; i++) {
      store.append(StreamId.of("Cart", i % 13), ExpectedVersion.any(), List.of(event(Integer.toString(i))));
    }
    for (long after : new long[] {0, 4_000, 4_095, 4_096, 4_097, 8_191, 9_990, 10_000}) {
      List<RecordedEvent> page = store.readAll(after, 5_000);
      assertEquals(Math.min(5_000, 10_000 - after), page.size());
      for (int i = 0; i < page.size(); i++) {
        assertEquals(after + 1 + i, page.get(i).globalPosition());
        assertEquals(Long.toString(after + i), new String(page.get(i).data(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void events_of_a_stream_share_one_stream_id_equal_to_the_callers() {
    store.append(new StreamId("Cart", new String("9")), ExpectedVersion.any(), List.of(event("a")));
    StreamId again = new StreamId("Cart", new String("9"));
    store.append(again, ExpectedVersion.any(), List.of(event("b"), event("c")));
    List<RecordedEvent> read = store.readStream(again, 1, 10);
    assertEquals(3, read.size());
    assertEquals(again, read.get(2).stream());
    assertSame(read.get(0).stream(), read.get(1).stream());
    assertSame(read.get(0).stream(), read.get(2).stream());
  }

  @Test
  void appends_stamped_alike_share_one_instant_and_every_instant_keeps_the_clocks_precision() {
    Instant[] ticks = {NOON.plusNanos(1), NOON.plusNanos(1), NOON.plusNanos(2)};
    AtomicInteger tick = new AtomicInteger();
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(ticks[tick.get()].getEpochSecond(), ticks[tick.getAndIncrement()].getNano());
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
    InMemoryEventStore stamped = new InMemoryEventStore(clock);
    for (int i = 0; i < 3; i++) {
      stamped.append(CART, ExpectedVersion.any(), List.of(event(Integer.toString(i))));
    }
    List<RecordedEvent> read = stamped.readAll(0, 3);
    assertEquals(List.of(ticks[0], ticks[1], ticks[2]), read.stream().map(RecordedEvent::recordedAt).toList());
    assertSame(read.get(0).recordedAt(), read.get(1).recordedAt());
  }

  private record Noted(String text) implements Event {
    @Override
    public StreamId streamId() {
      return CART;
    }
  }

  /** A decoder that counts its calls and refuses payloads that start with '!'. */
  private static final class CountingDecoder implements Function<RecordedEvent, Event> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Event apply(RecordedEvent recorded) {
      calls.incrementAndGet();
      String text = new String(recorded.data(), StandardCharsets.UTF_8);
      if (text.startsWith("!")) {
        throw new EventStoreException("corrupt event at " + recorded.location());
      }
      return new Noted(text);
    }
  }

  @Test
  void keeps_decoded_events_for_the_decoder_that_made_them() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a"), event("b"), event("c")));
    CountingDecoder decoder = new CountingDecoder();
    List<Event> first = store.decoded(store.readStream(CART, 1, 10), decoder);
    assertEquals(List.of(new Noted("a"), new Noted("b"), new Noted("c")), first);
    List<Event> again = store.decoded(store.readStream(CART, 2, 10), decoder);
    assertEquals(3, decoder.calls.get(), "the second load decoded nothing");
    assertSame(first.get(1), again.get(0));
    assertThrows(UnsupportedOperationException.class, () -> again.set(0, new Noted("x")));

    // Another decoder (another codec, other upcasters) never gets the first one's objects.
    CountingDecoder other = new CountingDecoder();
    assertEquals(first, store.decoded(store.readStream(CART, 1, 10), other));
    assertEquals(3, other.calls.get());
    assertNotSame(first.get(0), store.decoded(store.readStream(CART, 1, 1), other).get(0));

    // An equal event that is not the object this store holds (a copy, another store's) is decoded, not looked up.
    RecordedEvent held = store.readStream(CART, 1, 1).get(0);
    RecordedEvent copy = new RecordedEvent(held.stream(), held.streamVersion(), held.globalPosition(), held.eventId(),
        held.type(), held.schemaVersion(), "forged".getBytes(StandardCharsets.UTF_8), held.metadata(), held.recordedAt());
    int before = decoder.calls.get();
    assertEquals(List.of(new Noted("forged")), store.decoded(List.of(copy), decoder));
    assertEquals(before + 1, decoder.calls.get());
    assertEquals(List.of(new Noted("a")), store.decoded(List.of(held), decoder), "the copy replaced nothing");
  }

  @Test
  void a_corrupt_event_is_refused_on_every_load_and_never_kept() {
    store.append(CART, ExpectedVersion.any(), List.of(event("a"), event("!broken"), event("c")));
    CountingDecoder decoder = new CountingDecoder();
    for (int load = 0; load < 3; load++) {
      EventStoreException refused = assertThrows(EventStoreException.class,
          () -> store.decoded(store.readStream(CART, 1, 10), decoder));
      assertEquals("corrupt event at Cart-1@2 (global position 2)", refused.getMessage());
    }
    assertEquals(6, decoder.calls.get(), "a page that fails keeps nothing: both events decoded on each load");
    assertEquals(List.of(new Noted("c")), store.decoded(store.readStream(CART, 3, 10), decoder));
  }

  @Test
  void events_appended_while_others_are_loaded_are_kept_in_their_own_places() throws Exception {
    CountingDecoder decoder = new CountingDecoder();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        StreamId stream = StreamId.of("Cart", "w" + writer);
        work.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            store.append(stream, ExpectedVersion.any(), List.of(event(stream.id() + ":" + i)));
          }
        }));
        work.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            List<RecordedEvent> page = store.readStream(stream, 1, 1_000);
            List<Event> decoded = store.decoded(page, decoder);
            for (int j = 0; j < page.size(); j++) {
              assertEquals(new Noted(stream.id() + ":" + j), decoded.get(j));
            }
          }
        }));
      }
      for (Future<?> done : work) {
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String writer : List.of("w0", "w1")) {
      List<Event> all = store.decoded(store.readStream(StreamId.of("Cart", writer), 1, 1_000), decoder);
      for (int j = 0; j < 500; j++) {
        assertEquals(new Noted(writer + ":" + j), all.get(j));
      }
    }
  }
}
