package dev.eventsmith.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StoredTextTest {

  private static String refused(String text) {
    return assertThrows(IllegalArgumentException.class, () -> StoredText.check(text, "a view key")).getMessage();
  }

  @Test
  void keys_of_one_to_255_code_units_are_kept() {
    assertEquals("k", StoredText.check("k", "a view key"));
    String longest = "x".repeat(StoredText.MAX_LENGTH);
    assertEquals(longest, StoredText.check(longest, "a view key"));
  }

  @Test
  void an_empty_or_too_long_key_is_refused_with_its_length_and_a_cut_preview() {
    assertEquals("a view key is 1 to 255 characters (UTF-16 code units) long, but \"\" has 0", refused(""));
    assertEquals("a view key is 1 to 255 characters (UTF-16 code units) long, but \""
        + "y".repeat(40) + "...\" has 256", refused("y".repeat(256)));
  }

  @Test
  void a_null_key_is_refused_naming_what_it_is() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> StoredText.check(null, "a view key"));
    assertEquals("a view key", e.getMessage());
  }

  @Test
  void nul_is_refused_with_its_index_and_shown_escaped() {
    assertEquals("a view key must not contain NUL (\\u0000), but \"a\\u0000b\" has one at index 1; stores cannot keep it",
        refused("a\u0000b"));
  }

  @Test
  void lone_surrogates_are_refused_wherever_they_are() {
    assertEquals("a view key must be well-formed UTF-16 text, but \"Cart-\\uD800\" has a lone surrogate \\uD800 at index 5;"
        + " stores would turn it into '?' and mix it up with other text: check text from outside before using it",
        refused("Cart-\uD800"));
    // a high surrogate followed by something that is not a low one
    assertEquals("a view key must be well-formed UTF-16 text, but \"\\uD800x\" has a lone surrogate \\uD800 at index 0;"
        + " stores would turn it into '?' and mix it up with other text: check text from outside before using it",
        refused("\uD800x"));
    // a low surrogate alone, after a proper pair
    assertEquals("a view key must be well-formed UTF-16 text, but \"\uD83D\uDE00\\uDFFF\" has a lone surrogate \\uDFFF"
        + " at index 2; stores would turn it into '?' and mix it up with other text: check text from outside before using it",
        refused("\uD83D\uDE00\uDFFF"));
  }

  @Test
  void surrogate_pairs_are_well_formed_text() {
    String emoji = "cart \uD83D\uDED2 \uD83D\uDE00";
    assertEquals(emoji, StoredText.check(emoji, "a view key"));
    assertEquals(emoji + "\uD83D\uDE00", StoredText.checkWellFormed(emoji + "\uD83D\uDE00", "a view key"));
  }

  @Test
  void the_preview_keeps_pairs_whole_and_escapes_what_would_not_print() {
    // 40 code units of preview: a pair straddling the cut is still shown whole, never half
    String text = "x".repeat(39) + "\uD83D\uDE00" + "z".repeat(300);
    String message = refused(text);
    assertEquals("a view key is 1 to 255 characters (UTF-16 code units) long, but \""
        + "x".repeat(39) + "\uD83D\uDE00...\" has 341", message);
    // a NUL past the length limit's preview still names its index; the preview is cut at 80
    String nul = "n".repeat(100) + "\u0000";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredText.checkWellFormed(nul, "a type"));
    assertEquals("a type must not contain NUL (\\u0000), but \"" + "n".repeat(80) + "...\" has one at index 100;"
        + " stores cannot keep it", e.getMessage());
  }

  @Test
  void a_lone_high_surrogate_at_the_end_is_refused_and_shown_escaped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StoredText.checkWellFormed("ab\uD83D", "a type"));
    assertEquals("a type must be well-formed UTF-16 text, but \"ab\\uD83D\" has a lone surrogate \\uD83D at index 2;"
        + " stores would turn it into '?' and mix it up with other text: check text from outside before using it",
        e.getMessage());
  }
}
