package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value types of the store: what they refuse, and that equal content means equal values. */
class StoreValuesTest {

  private static final UUID ID = UUID.fromString("5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b");
  private static final UUID OTHER_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final StreamId CART = new StreamId("Cart", "42");
  private static final Instant AT = Instant.parse("2026-01-31T09:15:00Z");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static RecordedEvent recorded(StreamId stream, long version, long position, UUID id, String type, int schema,
      String data, Map<String, String> metadata, Instant at) {
    return new RecordedEvent(stream, version, position, id, type, schema, bytes(data), metadata, at);
  }

  private static RecordedEvent recorded() {
    return recorded(CART, 3, 17, ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT);
  }

  @Test
  void recorded_events_are_equal_by_content_including_the_payload_bytes() {
    RecordedEvent event = recorded();
    assertEquals(event, recorded());
    assertEquals(event.hashCode(), recorded().hashCode());
    assertNotEquals(event, recorded(new StreamId("Cart", "43"), 3, 17, ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 4, 17, ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 18, ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, OTHER_ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, ID, "ItemRemoved", 1, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, ID, "ItemAdded", 2, "{}", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, ID, "ItemAdded", 1, "[]", Map.of("user", "ann"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, ID, "ItemAdded", 1, "{}", Map.of("user", "bob"), AT));
    assertNotEquals(event, recorded(CART, 3, 17, ID, "ItemAdded", 1, "{}", Map.of("user", "ann"), AT.plusMillis(1)));
    assertNotEquals(event, "ItemAdded");
  }

  @Test
  void a_recorded_event_tells_where_it_is() {
    assertEquals("Cart-42@3 (global position 17)", recorded().location());
    assertEquals("RecordedEvent[ItemAdded v1 at Cart-42@3 (global position 17)]", recorded().toString());
  }

  @Test
  void a_recorded_event_keeps_its_own_copy_of_the_metadata() {
    Map<String, String> metadata = new HashMap<>(Map.of("user", "ann"));
    RecordedEvent event = recorded(CART, 1, 1, ID, "ItemAdded", 1, "{}", metadata, AT);
    metadata.put("user", "bob");
    assertEquals(Map.of("user", "ann"), event.metadata());
  }

  private static NewEvent newEvent(UUID id, String type, int schema, String data, Map<String, String> metadata) {
    return new NewEvent(id, type, schema, bytes(data), metadata);
  }

  @Test
  void new_events_are_equal_by_content_including_the_payload_bytes() {
    NewEvent event = newEvent(ID, "ItemAdded", 1, "{\"a\":1}", Map.of("user", "ann"));
    NewEvent same = newEvent(ID, "ItemAdded", 1, "{\"a\":1}", Map.of("user", "ann"));
    assertEquals(event, same);
    assertEquals(event.hashCode(), same.hashCode());
    assertNotEquals(event, newEvent(OTHER_ID, "ItemAdded", 1, "{\"a\":1}", Map.of("user", "ann")));
    assertNotEquals(event, newEvent(ID, "ItemRemoved", 1, "{\"a\":1}", Map.of("user", "ann")));
    assertNotEquals(event, newEvent(ID, "ItemAdded", 2, "{\"a\":1}", Map.of("user", "ann")));
    assertNotEquals(event, newEvent(ID, "ItemAdded", 1, "{\"a\":2}", Map.of("user", "ann")));
    assertNotEquals(event, newEvent(ID, "ItemAdded", 1, "{\"a\":1}", Map.of()));
    assertNotEquals(event, "ItemAdded");
    assertEquals("NewEvent[ItemAdded v1, 7 bytes, id 5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b]", event.toString());
  }

  @Test
  void a_new_event_refuses_text_stores_cannot_keep_and_schema_versions_below_one() {
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> newEvent(ID, "ItemAdded", 1, "{}", Map.of("", "x")));
    assertEquals("a metadata key is 1 to 255 characters (UTF-16 code units) long, but \"\" has 0", key.getMessage());
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> newEvent(ID, "ItemAdded", 1, "{}", Map.of("user", "a\u0000")));
    assertEquals("the metadata value of user must not contain NUL (\\u0000), but \"a\\u0000\" has one at index 1;"
        + " stores cannot keep it", value.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> newEvent(ID, "", 1, "{}", Map.of()));
    assertEquals("an event type name is 1 to 255 characters (UTF-16 code units) long, but \"\" has 0", type.getMessage());
    IllegalArgumentException schema = assertThrows(IllegalArgumentException.class,
        () -> newEvent(ID, "ItemAdded", 0, "{}", Map.of()));
    assertEquals("a schema version starts at 1: 0", schema.getMessage());
    // an empty metadata value is fine: only keys are keys
    assertEquals("", newEvent(ID, "ItemAdded", 1, "{}", Map.of("note", "")).metadata().get("note"));
  }

  @Test
  void expected_versions_match_the_stream_versions_they_name() {
    assertTrue(ExpectedVersion.any().matches(0));
    assertTrue(ExpectedVersion.any().matches(7));
    assertTrue(ExpectedVersion.noStream().matches(0));
    assertFalse(ExpectedVersion.noStream().matches(1));
    assertTrue(ExpectedVersion.exactly(3).matches(3));
    assertFalse(ExpectedVersion.exactly(3).matches(2));
    assertFalse(ExpectedVersion.exactly(3).matches(4));
    assertEquals(ExpectedVersion.noStream(), ExpectedVersion.exactly(0));
    assertEquals(new ExpectedVersion.Exactly(0), new ExpectedVersion.Exactly(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectedVersion.exactly(-1));
    assertEquals("a stream version is never negative: -1", e.getMessage());
  }

  @Test
  void a_wrong_expected_version_says_what_was_expected_and_found() {
    WrongExpectedVersionException exactly = new WrongExpectedVersionException(CART, ExpectedVersion.exactly(2), 3);
    assertEquals("stream Cart-42 is at version 3, but the append expected version 2; reload the stream and decide again",
        exactly.getMessage());
    assertSame(CART, exactly.stream());
    assertEquals(ExpectedVersion.exactly(2), exactly.expected());
    assertEquals(3, exactly.actual());
    assertEquals("stream Cart-42 is at version 1, but the append expected no stream; reload the stream and decide again",
        new WrongExpectedVersionException(CART, ExpectedVersion.noStream(), 1).getMessage());
    assertEquals("stream Cart-42 is at version 1, but the append expected any version; reload the stream and decide again",
        new WrongExpectedVersionException(CART, ExpectedVersion.any(), 1).getMessage());
  }
}
