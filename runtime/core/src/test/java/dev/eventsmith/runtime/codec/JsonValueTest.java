package dev.eventsmith.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonValueTest {

  private static JsonValue parse(String json) {
    return JsonValue.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void fails(String expectedMessage, Executable call) {
    CodecException e = assertThrows(CodecException.class, call);
    assertEquals(expectedMessage, e.getMessage());
  }

  private static final String ORDER = "{\"id\":\"5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b\",\"customer\":\"ann\","
      + "\"items\":[{\"sku\":\"ABC-1\",\"price\":9.90,\"quantity\":2},{\"sku\":\"XYZ-9\",\"price\":0.1,\"quantity\":1}],"
      + "\"paid\":false,\"at\":\"2026-01-31T09:15:00Z\",\"on\":\"2026-01-31\",\"note\":null,\"seq\":9007199254740993}";

  @Test
  void reads_every_kind_of_value() {
    JsonValue order = parse(ORDER);
    assertEquals(UUID.fromString("5f0c3b2a-1d2e-4f60-8a9b-0c1d2e3f4a5b"), order.get("id").uuid());
    assertEquals("ann", order.get("customer").string());
    List<JsonValue> items = order.get("items").elements();
    assertEquals(2, items.size());
    assertEquals(new BigDecimal("9.90"), items.get(0).get("price").decimal(), "scale is kept");
    assertEquals(new BigDecimal("0.1"), items.get(1).get("price").decimal(), "no double on the way");
    assertEquals(2, items.get(0).get("quantity").int32());
    assertFalse(order.get("paid").bool());
    assertEquals(Instant.parse("2026-01-31T09:15:00Z"), order.get("at").instant());
    assertEquals(LocalDate.of(2026, 1, 31), order.get("on").date());
    assertEquals(9007199254740993L, order.get("seq").int64(), "beyond double precision");
    assertEquals(Optional.empty(), order.find("note"));
    assertEquals(Optional.empty(), order.find("absent"));
    assertEquals("ann", order.find("customer").orElseThrow().string());
    assertTrue(order.has("note"));
    assertFalse(order.has("absent"));
    assertEquals("$.items[1].price", items.get(1).get("price").path());
  }

  @Test
  void serializes_back_to_the_same_bytes() {
    assertEquals(ORDER, text(parse(ORDER).toBytes()));
    assertEquals(ORDER, parse(ORDER).toString());
  }

  @Test
  void missing_and_null_fields_name_their_path() {
    JsonValue order = parse(ORDER);
    fails("$.items[0].discount: missing", () -> order.get("items").elements().get(0).get("discount"));
    fails("$.note: null, but a value is required", () -> order.get("note"));
  }

  @Test
  void wrong_types_say_what_was_found() {
    JsonValue order = parse(ORDER);
    fails("$.customer: expected a number, but found the string \"ann\"", () -> order.get("customer").decimal());
    fails("$.items[0].price: expected a string, but found the number 9.90",
        () -> order.get("items").elements().get(0).get("price").string());
    fails("$.paid: expected an array, but found the boolean false", () -> order.get("paid").elements());
    fails("$.items: expected an object, but found an array", () -> order.get("items").get("sku"));
    fails("$.customer: expected a boolean, but found the string \"ann\"", () -> order.get("customer").bool());
  }

  @Test
  void integers_must_be_integral_and_in_range() {
    JsonValue v = parse("{\"half\":2.5,\"whole\":2.0,\"big\":3000000000,\"huge\":1e30,\"neg\":-2147483648}");
    fails("$.half: expected an int, but found the fraction 2.5", () -> v.get("half").int32());
    assertEquals(2, v.get("whole").int32());
    fails("$.big: expected an int (32-bit), but 3000000000 is out of range", () -> v.get("big").int32());
    assertEquals(3000000000L, v.get("big").int64());
    fails("$.huge: expected a long (64-bit), but 1000000000000000000000000000000 is out of range", () -> v.get("huge").int64());
    assertEquals(Integer.MIN_VALUE, v.get("neg").int32());
  }

  @Test
  void uuids_instants_and_dates_are_strict() {
    JsonValue v = parse("{\"shortId\":\"1-2-3-4-5\",\"id\":\"not-a-uuid-at-all-but-36-chars-long!\","
        + "\"at\":\"2026-01-31\",\"on\":\"31/01/2026\"}");
    fails("$.shortId: expected a UUID, but found the string \"1-2-3-4-5\"", () -> v.get("shortId").uuid());
    assertThrows(CodecException.class, () -> v.get("id").uuid());
    fails("$.at: expected an ISO-8601 instant like 2026-01-31T09:15:00Z, but found the string \"2026-01-31\"",
        () -> v.get("at").instant());
    fails("$.on: expected an ISO-8601 date like 2026-01-31, but found the string \"31/01/2026\"", () -> v.get("on").date());
  }

  @Test
  void malformed_payloads_give_the_reason() {
    CodecException truncated = assertThrows(CodecException.class, () -> parse("{\"a\":1"));
    assertTrue(truncated.getMessage().startsWith("malformed JSON"), truncated.getMessage());
    CodecException trailing = assertThrows(CodecException.class, () -> parse("{\"a\":1} {\"b\":2}"));
    assertTrue(trailing.getMessage().contains("after the value"), trailing.getMessage());
    CodecException duplicate = assertThrows(CodecException.class, () -> parse("{\"a\":1,\"a\":2}"));
    assertTrue(duplicate.getMessage().contains("Duplicate field 'a'"), duplicate.getMessage());
    CodecException empty = assertThrows(CodecException.class, () -> parse(""));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    CodecException bad = assertThrows(CodecException.class, () -> parse("{\"a\":tru}"));
    assertTrue(bad.getMessage().contains("line 1, column"), bad.getMessage());
  }

  @Test
  void a_stored_payload_is_held_to_the_same_syntax_duplicates_included() {
    JsonValue stored = JsonValue.parseStored(ORDER.getBytes(StandardCharsets.UTF_8));
    assertEquals(parse(ORDER), stored);
    assertEquals("$.items[1].price", stored.get("items").elements().get(1).get("price").path());
    String[] refused = {"{\"a\":1,\"a\":2}", "{\"o\":{\"b\":null,\"b\":null}}", "{\"a\":1", "{\"a\":1} {}", "",
        "{\"a\":tru}"};
    for (String payload : refused) {
      CodecException strict = assertThrows(CodecException.class, () -> parse(payload), payload);
      CodecException stored2 = assertThrows(CodecException.class,
          () -> JsonValue.parseStored(payload.getBytes(StandardCharsets.UTF_8)), payload);
      // The same refusal at the same place; only Jackson's detail may quote the source of a user's input.
      assertEquals(strict.getMessage().split(":")[0], stored2.getMessage().split(":")[0], payload);
    }
    CodecException duplicate = assertThrows(CodecException.class,
        () -> JsonValue.parseStored("{\"o\":{\"b\":1,\"b\":2}}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(duplicate.getMessage().contains("Duplicate field 'b'"), duplicate.getMessage());
  }

  @Test
  void a_large_object_keeps_its_order_finds_every_field_and_refuses_a_late_duplicate() {
    StringBuilder json = new StringBuilder("{");
    Map<String, JsonValue> expected = new LinkedHashMap<>();
    for (int i = 40; i > 0; i--) {
      json.append(i < 40 ? "," : "").append("\"f").append(i).append("\":").append(i);
      expected.put("f" + i, JsonValue.ofNumber(i));
    }
    JsonValue large = parse(json + "}");
    assertEquals(JsonValue.ofObject(expected), large);
    assertEquals(JsonValue.ofObject(expected).hashCode(), large.hashCode());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(large.names()));
    for (int i = 1; i <= 40; i++) {
      assertEquals(i, large.get("f" + i).int32());
      assertEquals("$.f" + i, large.get(new String("f" + i)).path());
    }
    assertFalse(large.has("f41"));
    for (String duplicate : List.of("f40", "f17", "f3")) {
      CodecException refused = assertThrows(CodecException.class, () -> parse(json + ",\"" + duplicate + "\":0}"));
      assertTrue(refused.getMessage().contains("Duplicate field '" + duplicate + "'"), refused.getMessage());
    }
  }

  @Test
  void numbers_keep_their_exact_digits_and_scale() {
    JsonValue v = parse("{\"big\":123456789012345678901234567890,\"neg\":-7,\"price\":9.90,\"tiny\":0.1,"
        + "\"exp\":1e2,\"long\":-9223372036854775808,\"over\":9223372036854775808,\"whole\":3.0}");
    assertEquals(new BigDecimal("123456789012345678901234567890"), v.get("big").decimal());
    assertEquals(-7, v.get("neg").int32());
    assertEquals("9.90", v.get("price").decimal().toString());
    assertEquals("0.1", v.get("tiny").decimal().toString());
    assertEquals(0, new BigDecimal("100").compareTo(v.get("exp").decimal()));
    assertEquals(Long.MIN_VALUE, v.get("long").int64());
    fails("$.over: expected a long (64-bit), but 9223372036854775808 is out of range", () -> v.get("over").int64());
    fails("$.big: expected an int (32-bit), but 123456789012345678901234567890 is out of range", () -> v.get("big").int32());
    assertEquals(3, v.get("whole").int32());
    fails("$.price: expected an int, but found the fraction 9.90", () -> v.get("price").int32());
  }

  @Test
  void upcasting_operations_keep_field_order_and_do_not_change_the_original() {
    JsonValue v1 = parse("{\"cartId\":\"c\",\"item\":\"ABC-1\",\"legacy\":true}");
    JsonValue v2 = v1.renamed("item", "sku").without("legacy").with("quantity", JsonValue.ofNumber(1));
    assertEquals("{\"cartId\":\"c\",\"sku\":\"ABC-1\",\"quantity\":1}", v2.toString());
    assertEquals("{\"cartId\":\"c\",\"item\":\"ABC-1\",\"legacy\":true}", v1.toString());
    assertEquals("{\"cartId\":\"x\",\"item\":\"ABC-1\",\"legacy\":true}", v1.with("cartId", JsonValue.ofString("x")).toString());
    assertEquals(v1, v1.renamed("absent", "other"));
    assertEquals(v1, v1.without("absent"));
    fails("$: cannot rename field 'item' to 'cartId': both are present", () -> v1.renamed("item", "cartId"));
  }

  @Test
  void values_added_by_an_upcaster_get_their_path() {
    JsonValue v = parse("{\"a\":1}").with("tags", JsonValue.ofArray(List.of(JsonValue.ofString("x"), JsonValue.ofNull())));
    fails("$.tags[1]: expected a string, but found null", () -> v.get("tags").elements().get(1).string());
    fails("$.tags: expected a number, but found an array", () -> v.get("tags").decimal());
  }

  @Test
  void factories_build_values_that_serialize() {
    JsonValue array = JsonValue.ofArray(List.of(JsonValue.ofString("a"), JsonValue.ofNumber(new BigDecimal("1.50")),
        JsonValue.ofBoolean(true), JsonValue.ofNull()));
    assertEquals("[\"a\",1.50,true,null]", text(array.toBytes()));
    assertTrue(JsonValue.ofNull().isNull());
    assertEquals("$", array.path());
  }

  @Test
  void equality_is_structural_and_numeric() {
    assertEquals(parse("{\"a\":1.0,\"b\":[true]}"), parse("{\"a\":1,\"b\":[true]}"));
    assertEquals(parse("{\"a\":1.0}").hashCode(), parse("{\"a\":1}").hashCode());
    assertNotEquals(parse("{\"a\":1}"), parse("{\"a\":\"1\"}"));
    assertNotEquals(parse("{\"a\":1,\"b\":2}"), parse("{\"a\":1}"));
  }

  @Test
  void integers_at_the_edges_of_their_range_are_read_and_one_past_is_refused() {
    assertEquals(Integer.MAX_VALUE, parse("{\"n\":2147483647}").get("n").int32());
    assertEquals(Integer.MIN_VALUE, parse("{\"n\":-2147483648}").get("n").int32());
    fails("$.n: expected an int (32-bit), but 2147483648 is out of range", () -> parse("{\"n\":2147483648}").get("n").int32());
    fails("$.n: expected an int (32-bit), but -2147483649 is out of range", () -> parse("{\"n\":-2147483649}").get("n").int32());
    assertEquals(Long.MAX_VALUE, parse("{\"n\":9223372036854775807}").get("n").int64());
    assertEquals(Long.MIN_VALUE, parse("{\"n\":-9223372036854775808}").get("n").int64());
    fails("$.n: expected a long (64-bit), but 9223372036854775808 is out of range",
        () -> parse("{\"n\":9223372036854775808}").get("n").int64());
    fails("$.n: expected a long (64-bit), but -9223372036854775809 is out of range",
        () -> parse("{\"n\":-9223372036854775809}").get("n").int64());
  }

  @Test
  void numbers_in_messages_are_plain_up_to_40_digits_of_scale_then_scientific() {
    fails("$.n: expected an int, but found the fraction 0." + "0".repeat(39) + "1",
        () -> parse("{\"n\":1E-40}").get("n").int32());
    fails("$.n: expected an int, but found the fraction 1E-41", () -> parse("{\"n\":1E-41}").get("n").int32());
  }

  @Test
  void found_values_are_described_and_long_strings_cut_at_40_characters() {
    String forty = "s".repeat(40);
    fails("$.s: expected a number, but found the string \"" + forty + "\"",
        () -> parse("{\"s\":\"" + forty + "\"}").get("s").decimal());
    fails("$.s: expected a number, but found the string \"" + forty + "...\"",
        () -> parse("{\"s\":\"" + forty + "x\"}").get("s").decimal());
    fails("$.a: expected a string, but found an array", () -> parse("{\"a\":[]}").get("a").string());
    fails("$.o: expected a string, but found an object", () -> parse("{\"o\":{}}").get("o").string());
    fails("$.b: expected a string, but found the boolean true", () -> parse("{\"b\":true}").get("b").string());
  }

  @Test
  void booleans_read_back_as_written() {
    JsonValue v = parse("{\"yes\":true,\"no\":false}");
    assertTrue(v.get("yes").bool());
    assertFalse(v.get("no").bool());
    assertFalse(v.get("yes").isNull());
    assertTrue(v.has("no"));
  }

  @Test
  void names_are_the_fields_in_written_order() {
    assertEquals(List.of("z", "a", "m"), List.copyOf(parse("{\"z\":1,\"a\":null,\"m\":[]}").names()));
  }

  @Test
  void an_object_built_from_a_map_has_its_fields_and_refuses_null_values() {
    java.util.Map<String, JsonValue> fields = new java.util.LinkedHashMap<>();
    fields.put("b", JsonValue.ofNumber(2));
    fields.put("a", JsonValue.ofString("x"));
    JsonValue object = JsonValue.ofObject(fields);
    assertEquals("{\"b\":2,\"a\":\"x\"}", object.toString());
    assertEquals("x", object.get("a").string());
    java.util.Map<String, JsonValue> withNull = new java.util.HashMap<>();
    withNull.put("gone", null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> JsonValue.ofObject(withNull));
    assertEquals("gone", e.getMessage());
  }

  @Test
  void values_moved_to_another_place_report_their_new_path() {
    JsonValue source = parse("{\"a\":\"x\",\"list\":[\"p\",\"q\"]}");
    JsonValue moved = JsonValue.ofObject(java.util.Map.of("b", source.get("a")));
    fails("$.b: expected a number, but found the string \"x\"", () -> moved.get("b").decimal());
    // the same value placed under a sibling with the same parent still gets the new name
    JsonValue renamed = source.renamed("a", "c");
    fails("$.c: expected a number, but found the string \"x\"", () -> renamed.get("c").decimal());
    // array elements taken out and put in another order
    List<JsonValue> list = source.get("list").elements();
    JsonValue swapped = source.with("list", JsonValue.ofArray(List.of(list.get(1), list.get(0))));
    fails("$.list[0]: expected a number, but found the string \"q\"", () -> swapped.get("list").elements().get(0).decimal());
    // an element moved from an object field into an array at the root
    JsonValue wrapped = JsonValue.ofArray(List.of(source.get("a")));
    fails("$[0]: expected a number, but found the string \"x\"", () -> wrapped.elements().get(0).decimal());
  }

  @Test
  void paths_quote_field_names_that_are_not_identifiers() {
    JsonValue v = parse("{\"my-field\":{\"1st\":{\"\":{\"it's\":{\"ok_2\":true}}}}}");
    fails("$['my-field']['1st']['']['it\\'s'].ok_2: expected a string, but found the boolean true",
        () -> v.get("my-field").get("1st").get("").get("it's").get("ok_2").string());
  }

  @Test
  void different_values_of_one_kind_are_not_equal_and_hash_apart() {
    assertNotEquals(JsonValue.ofString("a"), JsonValue.ofString("b"));
    assertNotEquals(JsonValue.ofString("a").hashCode(), JsonValue.ofString("b").hashCode());
    assertNotEquals(JsonValue.ofNumber(1), JsonValue.ofNumber(2));
    assertNotEquals(JsonValue.ofBoolean(true), JsonValue.ofBoolean(false));
    assertNotEquals(JsonValue.ofString("a"), "a");
    assertEquals(JsonValue.ofNumber(new BigDecimal("2.50")), JsonValue.ofNumber(new BigDecimal("2.5")));
  }
}
