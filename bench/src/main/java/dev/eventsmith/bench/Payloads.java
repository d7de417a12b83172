package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.NewEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Events shaped like a generated codec's output: about 200 bytes of JSON and two metadata pairs;
 * and the same event for Axon, a payload object its JacksonSerializer writes as the same JSON.
 */
public final class Payloads {

  private static final byte[] DATA = ("{\"cartId\":\"5f0c3a52-7a8e-4b7e-9a51-0c4a7d2b1e33\",\"sku\":\"ABC-123\","
      + "\"price\":\"19.99\",\"quantity\":2,\"customer\":\"ann@example.com\",\"note\":\"gift wrap, please\","
      + "\"addedAt\":\"2026-01-01T12:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

  private static final Map<String, String> METADATA =
      Map.of("correlationId", "9d1c6a0e-1111-2222-3333-444455556666", "user", "ann");

  /** {@link #DATA} as an object, for Axon. */
  public record Item(UUID cartId, String sku, String price, int quantity, String customer, String note,
      String addedAt) {}

  private static final Item ITEM = new Item(UUID.fromString("5f0c3a52-7a8e-4b7e-9a51-0c4a7d2b1e33"), "ABC-123",
      "19.99", 2, "ann@example.com", "gift wrap, please", "2026-01-01T12:00:00Z");

  private Payloads() {}

  /** High half of every event id this JVM makes: ids from runs against one database never meet. */
  private static final long RUN = ThreadLocalRandom.current().nextLong();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /**
   * The event, under an id no other call returns. Event ids are unique in a store, so a benchmark
   * makes new events for every append, as a command handler does; a counter keeps that cheap
   * ({@code UUID.randomUUID} would measure {@code SecureRandom}).
   */
  static NewEvent event() {
    return new NewEvent(new UUID(RUN, SEQUENCE.incrementAndGet()), "ItemAdded", 1, DATA, METADATA);
  }

  static List<NewEvent> events(int count) {
    List<NewEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event());
    }
    return events;
  }

  /** {@code count} of the same events for Axon, of aggregate {@code aggregateId} from sequence number {@code first}. */
  public static List<DomainEventMessage<?>> axonEvents(String aggregateId, long first, int count) {
    List<DomainEventMessage<?>> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(new GenericDomainEventMessage<>("Bench", aggregateId, first + i, ITEM, MetaData.from(METADATA)));
    }
    return events;
  }
}
