package dev.eventsmith.runtime.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  private static final StreamId CART = StreamId.of("Cart", "1");

  private static Snapshot snapshot(StreamId stream, long version, long position, int stateVersion, String state) {
    return new Snapshot(stream, version, position, stateVersion, state.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void snapshots_are_equal_by_content_including_the_state_bytes() {
    Snapshot s = snapshot(CART, 3, 10, 1, "{\"n\":3}");
    assertEquals(s, snapshot(CART, 3, 10, 1, "{\"n\":3}"));
    assertEquals(s.hashCode(), snapshot(CART, 3, 10, 1, "{\"n\":3}").hashCode());
    assertNotEquals(s, snapshot(StreamId.of("Cart", "2"), 3, 10, 1, "{\"n\":3}"));
    assertNotEquals(s, snapshot(CART, 4, 10, 1, "{\"n\":3}"));
    assertNotEquals(s, snapshot(CART, 3, 11, 1, "{\"n\":3}"));
    assertNotEquals(s, snapshot(CART, 3, 10, 2, "{\"n\":3}"));
    assertNotEquals(s, snapshot(CART, 3, 10, 1, "{\"n\":4}"));
    assertNotEquals(s, "Cart-1");
    assertEquals("Snapshot[Cart-1@3, state v1, 7 bytes]", s.toString());
  }

  @Test
  void a_snapshot_is_taken_after_at_least_one_event() {
    assertEquals(1, snapshot(CART, 1, 1, 1, "{}").streamVersion());
    assertEquals("a snapshot is taken after at least one event: streamVersion 0",
        assertThrows(IllegalArgumentException.class, () -> snapshot(CART, 0, 0, 1, "{}")).getMessage());
  }

  @Test
  void the_store_keeps_the_latest_and_a_resave_at_the_same_version_replaces_it() {
    InMemorySnapshotStore store = new InMemorySnapshotStore();
    assertEquals(Optional.empty(), store.latest(CART));
    Snapshot v3 = snapshot(CART, 3, 10, 1, "{\"n\":3}");
    store.save(v3);
    store.save(snapshot(CART, 2, 8, 1, "{\"n\":2}"));
    assertSame(v3, store.latest(CART).orElseThrow());
    // the same version saved again with a new state encoding (stateVersion bumped) wins
    Snapshot reencoded = snapshot(CART, 3, 10, 2, "{\"count\":3}");
    store.save(reencoded);
    assertSame(reencoded, store.latest(CART).orElseThrow());
  }
}
