package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContractTest {

  private static final Instant NOON = Instant.parse("2026-01-31T12:00:00Z");

  @Override
  protected EventStore createStore() {
    return new InMemoryEventStore(Clock.fixed(NOON, ZoneOffset.UTC));
  }

  @Test
  void stamps_events_with_the_given_clock() {
    store.append(StreamId.of("Cart", "1"), ExpectedVersion.any(), List.of(event("a")));
    assertEquals(NOON, store.readAll(0, 1).get(0).recordedAt());
  }

  @Test
  void refuses_nonsense_ranges() {
    assertThrows(IllegalArgumentException.class, () -> store.readStream(StreamId.of("Cart", "1"), 0, 1));
    assertThrows(IllegalArgumentException.class, () -> store.readAll(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> store.readAll(0, -1));
  }
}
