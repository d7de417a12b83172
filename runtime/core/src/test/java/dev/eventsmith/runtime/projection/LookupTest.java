package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LookupTest {

  @Test
  void a_lookup_is_named_like_a_field_of_up_to_64_ascii_letters_and_digits() {
    assertEquals("customer2", new Lookup<String>("customer2", row -> List.of(row)).name());
    assertEquals("a" + "b".repeat(63), new Lookup<String>("a" + "b".repeat(63), row -> List.of(row)).name());
    for (String bad : new String[] {"", "2nd", "cust_omer", "kund\u00e9", "a" + "b".repeat(64)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Lookup<String>(bad, row -> List.of(row)));
      assertEquals("a lookup is named like a field, in ASCII letters and digits: " + bad, e.getMessage());
    }
  }

  @Test
  void a_version_is_1_to_64_printable_ascii_characters_and_1_unless_given() {
    assertEquals("1", new Lookup<String>("tag", row -> List.of(row)).version());
    assertEquals("list<string>#2", new Lookup<String>("tag", row -> List.of(row), "list<string>#2").version());
    for (String bad : new String[] {"", "two words", "x".repeat(65), "\u00e9t\u00e9"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Lookup<String>("tag", row -> List.of(row), bad));
      assertEquals("a lookup's version is 1 to 64 printable ASCII characters without spaces: \"" + bad + "\"",
          e.getMessage());
    }
  }
}
