package dev.eventsmith.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedEventTest {

  private static EncodedEvent encoded(String type, int version, String json) {
    return new EncodedEvent(type, version, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encoded_events_are_equal_by_type_version_and_payload_bytes() {
    EncodedEvent event = encoded("ItemAdded", 2, "{\"sku\":\"A\"}");
    assertEquals(event, encoded("ItemAdded", 2, "{\"sku\":\"A\"}"));
    assertEquals(event.hashCode(), encoded("ItemAdded", 2, "{\"sku\":\"A\"}").hashCode());
    assertNotEquals(event, encoded("ItemRemoved", 2, "{\"sku\":\"A\"}"));
    assertNotEquals(event, encoded("ItemAdded", 1, "{\"sku\":\"A\"}"));
    assertNotEquals(event, encoded("ItemAdded", 2, "{\"sku\":\"B\"}"));
    assertNotEquals(event, "ItemAdded");
  }

  @Test
  void shows_its_payload_as_text() {
    assertEquals("ItemAdded v2 {\"sku\":\"A\"}", encoded("ItemAdded", 2, "{\"sku\":\"A\"}").toString());
  }

  @Test
  void an_upcaster_names_the_step_it_makes() {
    Upcaster step = Upcaster.of("ItemAdded", 2, payload -> payload);
    assertEquals("Upcaster[ItemAdded v2 -> v3]", step.toString());
  }
}
