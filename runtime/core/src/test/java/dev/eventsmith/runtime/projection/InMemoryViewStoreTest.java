package dev.eventsmith.runtime.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory store's own logic; the contract suite in runtime/store-contract holds it to every store's rules. */
class InMemoryViewStoreTest {

  private final InMemoryViewStore<String, Integer> views = new InMemoryViewStore<>();

  @Test
  void starts_empty_at_the_start() {
    assertEquals(Checkpoint.START, views.checkpoint());
    assertEquals(Map.of(), views.all());
    assertEquals(Optional.empty(), views.find("a"));
  }

  @Test
  void keeps_keys_in_first_insertion_order_and_moves_the_fence_with_every_apply() {
    Map<String, Integer> first = new LinkedHashMap<>();
    first.put("b", 1);
    first.put("a", 1);
    Checkpoint one = views.apply(first, Checkpoint.START, 2);
    Checkpoint two = views.apply(Map.of("c", 3, "b", 2), one, 5);

    assertEquals(List.of("b", "a", "c"), List.copyOf(views.all().keySet()));
    assertEquals(Optional.of(2), views.find("b"));
    assertEquals(new Checkpoint(2, 1), one);
    assertEquals(new Checkpoint(5, 2), two);
    assertEquals(two, views.checkpoint());
  }

  @Test
  void a_refused_apply_changes_nothing() {
    Checkpoint at = views.apply(Map.of("a", 1), Checkpoint.START, 3);
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("b", 1);
    withNull.put("c", null);

    assertThrows(CheckpointConflictException.class, () -> views.apply(Map.of("a", 2), Checkpoint.START, 4));
    assertThrows(IllegalArgumentException.class, () -> views.apply(Map.of("a", 2), at, 3));
    assertThrows(NullPointerException.class, () -> views.apply(withNull, at, 4));
    assertThrows(IllegalArgumentException.class, () -> views.apply(Map.of("b", 1, "\uDFFF", 2), at, 4));

    assertEquals(Map.of("a", 1), views.all());
    assertEquals(at, views.checkpoint());
  }

  @Test
  void keys_that_are_not_text_are_not_held_to_the_text_rules() {
    UUID key = UUID.randomUUID();
    InMemoryViewStore<UUID, Integer> byId = new InMemoryViewStore<>();

    byId.apply(Map.of(key, 1), Checkpoint.START, 1);

    assertEquals(Optional.of(1), byId.find(key));
  }

  @Test
  void all_is_a_snapshot() {
    Checkpoint at = views.apply(Map.of("a", 1), Checkpoint.START, 1);
    Map<String, Integer> all = views.all();
    views.apply(Map.of("b", 2), at, 2);
    assertEquals(Map.of("a", 1), all);
    assertThrows(UnsupportedOperationException.class, () -> all.put("x", 0));
  }

  @Test
  void reset_drops_rows_and_fences_off_whoever_read_the_view_before() {
    Checkpoint before = views.apply(Map.of("a", 1), Checkpoint.START, 7);

    views.reset();

    assertEquals(new Checkpoint(0, 2), views.checkpoint());
    assertEquals(Map.of(), views.all());
    assertThrows(CheckpointConflictException.class, () -> views.apply(Map.of("z", 9), before, 8));
    assertThrows(CheckpointConflictException.class, () -> views.apply(Map.of("z", 9), Checkpoint.START, 1),
        "a runner that read the empty view before it was last filled and reset cannot apply either");
    views.apply(Map.of("b", 2), views.checkpoint(), 1);
    assertEquals(Map.of("b", 2), views.all(), "a reset view accepts the log from the start again");
  }

  @Test
  void a_null_row_is_refused_naming_its_key_and_changes_nothing() {
    Map<String, Integer> rows = new HashMap<>();
    rows.put("cart-7", null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> views.apply(rows, Checkpoint.START, 1));
    assertEquals("row of cart-7", e.getMessage());
    assertEquals(Checkpoint.START, views.checkpoint());
  }

  @Test
  void a_lookup_finds_the_rows_whose_values_include_it_in_key_order() {
    InMemoryViewStore<String, List<String>> tagged = new InMemoryViewStore<>();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    rows.put("c", List.of("red", "blue"));
    rows.put("a", List.of("green"));
    rows.put("b", List.of("blue"));
    tagged.apply(rows, Checkpoint.START, 1);
    Lookup<List<String>> tags = new Lookup<>("tags", row -> row);

    assertEquals(List.of("c", "b"), List.copyOf(tagged.lookup(tags, "blue").keySet()));
    assertEquals(Map.of("a", List.of("green")), tagged.lookup(tags, "green"));
    assertEquals(Map.of(), tagged.lookup(tags, "yellow"));
    assertThrows(UnsupportedOperationException.class, () -> tagged.lookup(tags, "blue").clear());
    assertEquals("value", assertThrows(NullPointerException.class, () -> tagged.lookup(tags, null)).getMessage());
  }
}
