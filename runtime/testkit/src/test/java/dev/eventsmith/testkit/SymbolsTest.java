package dev.eventsmith.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SymbolsTest {

  @Test
  void uuids_are_name_based_and_stable_across_instances() {
    UUID cart = new Symbols().uuid("cart");
    assertEquals(UUID.nameUUIDFromBytes("eventsmith:cart".getBytes(StandardCharsets.UTF_8)), cart);
    assertEquals(cart, new Symbols().uuid("cart"));
    // pinned, so a change of derivation (which would break stored expectations) is noticed
    assertEquals("7fd1acd2-46e0-35ed-9130-ac50588e0b6f", cart.toString());
    assertNotEquals(cart, new Symbols().uuid("cart2"));
  }

  @Test
  void numbers_are_stable_non_negative_and_distinct() {
    Symbols symbols = new Symbols();
    Set<Integer> ints = new HashSet<>();
    Set<Long> longs = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      int n = symbols.int32("n" + i);
      long l = symbols.int64("n" + i);
      assertTrue(n >= 0 && l >= 0);
      ints.add(n);
      longs.add(l);
    }
    assertEquals(10_000, ints.size());
    assertEquals(10_000, longs.size());
    assertEquals(new Symbols().int32("qty"), new Symbols().int32("qty"));
  }

  @Test
  void renders_back_only_what_it_produced() {
    Symbols symbols = new Symbols();
    UUID cart = symbols.uuid("cart");
    assertEquals("ann", symbols.string("ann"));
    long big = symbols.int64("seq");

    assertEquals(Optional.of("$cart"), symbols.symbolFor(cart));
    assertEquals(Optional.of("$ann"), symbols.symbolFor("ann"));
    assertEquals(Optional.of("$seq"), symbols.symbolFor(big));
    assertEquals(Optional.empty(), symbols.symbolFor(UUID.randomUUID()));
    assertEquals(Optional.empty(), new Symbols().symbolFor(cart));
  }
}
