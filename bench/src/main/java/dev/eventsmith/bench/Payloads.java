package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.NewEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events shaped like a generated codec's output: about 200 bytes of JSON and two metadata pairs. */
final class Payloads {

  private static final byte[] DATA = ("{\"cartId\":\"5f0c3a52-7a8e-4b7e-9a51-0c4a7d2b1e33\",\"sku\":\"ABC-123\","
      + "\"price\":\"19.99\",\"quantity\":2,\"customer\":\"ann@example.com\",\"note\":\"gift wrap, please\","
      + "\"addedAt\":\"2026-01-01T12:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

  private static final Map<String, String> METADATA =
      Map.of("correlationId", "9d1c6a0e-1111-2222-3333-444455556666", "user", "ann");

  private Payloads() {}

  static NewEvent event() {
    return new NewEvent(UUID.randomUUID(), "ItemAdded", 1, DATA, METADATA);
  }

  static List<NewEvent> events(int count) {
    List<NewEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event());
    }
    return events;
  }
}
