package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryViewStoreTest {

  private final InMemoryViewStore<String, Integer> views = new InMemoryViewStore<>();

  @Test
  void starts_empty_at_checkpoint_zero() {
    assertEquals(0, views.checkpoint());
    assertEquals(Map.of(), views.all());
    assertEquals(Optional.empty(), views.find("a"));
  }

  @Test
  void keeps_keys_in_first_insertion_order() {
    Map<String, Integer> first = new LinkedHashMap<>();
    first.put("b", 1);
    first.put("a", 1);
    views.apply(first, 2);
    views.apply(Map.of("c", 3, "b", 2), 5);

    assertEquals(List.of("b", "a", "c"), List.copyOf(views.all().keySet()));
    assertEquals(Optional.of(2), views.find("b"));
    assertEquals(5, views.checkpoint());
  }

  @Test
  void a_refused_apply_changes_nothing() {
    views.apply(Map.of("a", 1), 3);
    assertThrows(IllegalArgumentException.class, () -> views.apply(Map.of("a", 2), 2));
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("b", 1);
    withNull.put("c", null);
    assertThrows(NullPointerException.class, () -> views.apply(withNull, 4));

    assertEquals(Map.of("a", 1), views.all());
    assertEquals(3, views.checkpoint());
  }

  @Test
  void all_is_a_snapshot() {
    views.apply(Map.of("a", 1), 1);
    Map<String, Integer> all = views.all();
    views.apply(Map.of("b", 2), 2);
    assertEquals(Map.of("a", 1), all);
    assertThrows(UnsupportedOperationException.class, () -> all.put("x", 0));
  }

  @Test
  void reset_drops_rows_and_checkpoint() {
    views.apply(Map.of("a", 1), 7);

    views.reset();

    assertEquals(0, views.checkpoint());
    assertEquals(Map.of(), views.all());
    views.apply(Map.of("b", 2), 1);
    assertEquals(Map.of("b", 2), views.all(), "a reset view accepts the log from the start again");
  }
}
