package dev.eventsmith.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static final UUID ID = UUID.fromString("5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b");

  private static String json(JsonWriter w) {
    return new String(w.toBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void writes_every_kind_of_value_in_call_order() {
    JsonWriter w = JsonWriter.object();
    w.field("id").uuid(ID);
    w.field("name").string("Zoë \"Z\"");
    w.field("count").int32(-3);
    w.field("big").int64(Long.MAX_VALUE);
    w.field("price").decimal(new BigDecimal("9.90"));
    w.field("ok").bool(true);
    w.field("at").instant(Instant.parse("2026-01-31T09:15:00Z"));
    w.field("on").date(LocalDate.of(2026, 1, 31));
    w.field("none").nullValue();
    w.field("tags").startArray();
    for (String t : List.of("a", "b")) {
      w.string(t);
    }
    w.endArray();
    w.field("address").startObject().field("city").string("Ghent").endObject();

    assertEquals("{\"id\":\"5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b\",\"name\":\"Zoë \\\"Z\\\"\",\"count\":-3,"
        + "\"big\":9223372036854775807,\"price\":9.90,\"ok\":true,\"at\":\"2026-01-31T09:15:00Z\","
        + "\"on\":\"2026-01-31\",\"none\":null,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Ghent\"}}", json(w));
  }

  @Test
  void writes_decimals_exactly_in_plain_notation() {
    String json = json(JsonWriter.object()
        .field("tiny").decimal(new BigDecimal("1E-12"))
        .field("huge").decimal(new BigDecimal("1.5E+20"))
        .field("long").decimal(new BigDecimal("12345678901234567890.123456789012345")));
    assertEquals("{\"tiny\":0.000000000001,\"huge\":150000000000000000000,"
        + "\"long\":12345678901234567890.123456789012345}", json);
    assertEquals(new BigDecimal("12345678901234567890.123456789012345"),
        JsonValue.parse(json.getBytes(StandardCharsets.UTF_8)).get("long").decimal());
  }

  @Test
  void an_empty_object_is_valid() {
    assertEquals("{}", json(JsonWriter.object()));
  }

  @Test
  void output_is_deterministic() {
    byte[] one = JsonWriter.object().field("a").int32(1).field("b").string("x").toBytes();
    byte[] two = JsonWriter.object().field("a").int32(1).field("b").string("x").toBytes();
    assertEquals(new String(one, StandardCharsets.UTF_8), new String(two, StandardCharsets.UTF_8));
  }

  @Test
  void a_null_value_names_the_field() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> JsonWriter.object().field("customer").string(null));
    assertTrue(e.getMessage().contains("customer"), e.getMessage());
    assertTrue(e.getMessage().contains("nullValue()"), e.getMessage());
  }

  @Test
  void calls_out_of_order_are_refused() {
    assertThrows(IllegalStateException.class, () -> JsonWriter.object().string("no field name"));
    assertThrows(IllegalStateException.class, () -> JsonWriter.object().field("a").int32(1).field("a").int32(2));
    assertThrows(IllegalStateException.class, () -> JsonWriter.object().field("tags").startArray().toBytes());
    JsonWriter done = JsonWriter.object();
    done.toBytes();
    assertThrows(IllegalStateException.class, () -> done.field("late"));
  }

  @Test
  void writes_a_parsed_value_through() {
    JsonValue address = JsonValue.parse("{\"city\":\"Ghent\",\"zip\":9000}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"address\":{\"city\":\"Ghent\",\"zip\":9000}}", json(JsonWriter.object().field("address").value(address)));
  }

  @Test
  void every_call_chains_on_the_same_writer() {
    assertEquals("{\"a\":1,\"b\":true,\"c\":null,\"d\":[2],\"e\":{},\"f\":\"5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b\","
        + "\"g\":\"2026-01-31T09:15:00Z\",\"h\":\"2026-01-31\",\"i\":1.5,\"j\":\"x\",\"k\":3}",
        json(JsonWriter.object().field("a").int64(1).field("b").bool(true).field("c").nullValue()
            .field("d").startArray().int32(2).endArray().field("e").startObject().endObject()
            .field("f").uuid(ID).field("g").instant(Instant.parse("2026-01-31T09:15:00Z"))
            .field("h").date(LocalDate.of(2026, 1, 31)).field("i").decimal(new BigDecimal("1.5"))
            .field("j").string("x").field("k").value(JsonValue.ofNumber(3))));
  }

  @Test
  void a_null_of_any_type_is_refused_naming_the_field_or_the_array() {
    String hint = "; write absent values with nullValue()";
    assertEquals("null value for JSON field id" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("id").uuid(null)).getMessage());
    assertEquals("null value for JSON field at" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("at").instant(null)).getMessage());
    assertEquals("null value for JSON field on" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("on").date(null)).getMessage());
    assertEquals("null value for JSON field price" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("price").decimal(null)).getMessage());
    assertEquals("null value for JSON field address" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("address").value(null)).getMessage());
    assertEquals("null value for JSON field (array element)" + hint,
        assertThrows(NullPointerException.class, () -> JsonWriter.object().field("tags").startArray().string(null)).getMessage());
  }

  @Test
  void a_call_out_of_order_shows_what_was_written_so_far() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JsonWriter.object().field("a").int32(1).int32(2));
    assertEquals("invalid JSON writer call: Can not write a number, expecting field name (context: Object) after {\"a\":1",
        e.getMessage());
    IllegalStateException open = assertThrows(IllegalStateException.class,
        () -> JsonWriter.object().field("tags").startArray().string("x").toBytes());
    assertTrue(open.getMessage().endsWith("after {\"tags\":[\"x\""), open.getMessage());
  }
}
