package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The id index tells apart ids whose 32-bit hashes are equal: it compares the whole id. */
class EventIdIndexTest {

  @Test
  void ids_with_equal_hashes_are_each_found_and_a_third_is_not() {
    UUID[] pair = collidingIds();
    assertNotEquals(pair[0], pair[1]);
    assertEquals(EventIdIndex.hash(pair[0]), EventIdIndex.hash(pair[1]));

    EventLog log = new EventLog();
    EventIdIndex index = new EventIdIndex(log);
    for (UUID id : pair) {
      log.add(event(id, log.size() + 1L));
      index.add(log.size() - 1);
    }
    assertSame(log.get(0), index.find(pair[0]));
    assertSame(log.get(1), index.find(pair[1]));
    assertNull(index.find(new UUID(3, 3)));
  }

  /** Two ids with one hash, found by the birthday bound: some 100,000 ids suffice nearly always. */
  private static UUID[] collidingIds() {
    Map<Integer, UUID> seen = new HashMap<>();
    for (long i = 0; ; i++) {
      UUID id = new UUID(5, i);
      UUID earlier = seen.putIfAbsent(EventIdIndex.hash(id), id);
      if (earlier != null) {
        return new UUID[] {earlier, id};
      }
    }
  }

  private static RecordedEvent event(UUID id, long position) {
    return new RecordedEvent(StreamId.of("Cart", "1"), position, position, id, "Noted", 1, new byte[] {'1'}, Map.of(),
        Instant.EPOCH);
  }
}
