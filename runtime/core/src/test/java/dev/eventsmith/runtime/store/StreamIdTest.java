package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StreamIdTest {

  private static String refused(String category, String id) {
    return assertThrows(IllegalArgumentException.class, () -> new StreamId(category, id)).getMessage();
  }

  @Test
  void a_name_is_category_dash_id_and_parses_back() {
    StreamId stream = StreamId.of("Cart", 42);
    assertEquals("Cart-42", stream.value());
    assertEquals("Cart-42", stream.toString());
    assertEquals(stream, StreamId.parse("Cart-42"));
    // only the first dash separates: ids may contain dashes
    assertEquals(new StreamId("Cart", "5f0c-3b2a"), StreamId.parse("Cart-5f0c-3b2a"));
    assertEquals(new StreamId("C", "1"), StreamId.parse("C-1"));
  }

  @Test
  void parse_refuses_text_that_is_not_category_dash_id() {
    for (String bad : new String[] {"Cart", "-42", "Cart-", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamId.parse(bad));
      assertEquals("not a stream name of the form Category-id: " + bad, e.getMessage());
    }
  }

  @Test
  void the_category_is_non_empty_without_a_dash_and_the_id_non_empty() {
    assertEquals("a stream category must be non-empty and contain no '-': ", refused("", "1"));
    assertEquals("a stream category must be non-empty and contain no '-': Ca-rt", refused("Ca-rt", "1"));
    assertEquals("a stream category must be non-empty and contain no '-': -Cart", refused("-Cart", "1"));
    assertEquals("a stream id must be non-empty", refused("Cart", ""));
    assertEquals("category", assertThrows(NullPointerException.class, () -> new StreamId(null, "1")).getMessage());
    assertEquals("id", assertThrows(NullPointerException.class, () -> new StreamId("Cart", null)).getMessage());
  }

  @Test
  void the_whole_name_is_at_most_255_code_units() {
    String id = "i".repeat(StoredText.MAX_LENGTH - "Cart-".length());
    assertEquals("Cart-" + id, new StreamId("Cart", id).value());
    assertEquals("a stream's name (category-id) is at most 255 characters (UTF-16 code units), but the Cart id given"
        + " makes 256; use a shorter aggregate id", refused("Cart", id + "i"));
  }

  @Test
  void ids_with_nul_or_lone_surrogates_are_refused_before_any_store_sees_them() {
    assertEquals("a stream id must not contain NUL (\\u0000), but \"a\\u0000\" has one at index 1; stores cannot keep it",
        refused("Cart", "a\u0000"));
    assertEquals("a stream category must be well-formed UTF-16 text, but \"C\\uDFFF\" has a lone surrogate \\uDFFF at index 1;"
        + " stores would turn it into '?' and mix it up with other text: check text from outside before using it",
        refused("C\uDFFF", "1"));
  }
}
