package dev.eventsmith.testkit;

import static dev.eventsmith.testkit.DeciderSpecTest.contains;
import static dev.eventsmith.testkit.DeciderSpecTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.testkit.cart.CartEvent.CartCreated;
import dev.eventsmith.testkit.cart.CartEvent.CartTagged;
import dev.eventsmith.testkit.cart.CartEvent.Channel;
import dev.eventsmith.testkit.cart.ShoppingCartCodec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Specs over several rows ({@code thenExactly}, {@code thenIncluding}) and events that change several rows. */
class ViewRowsSpecTest {

  /** A row per tag, counting the carts tagged with it. */
  record TagCount(String tag, int carts) {}

  /** One {@link CartTagged} changes the row of each of its tags, each once. */
  static class TagCounts implements Projector<String, TagCount> {
    @Override
    public TagCount initial(String key) {
      return new TagCount(key, 0);
    }

    @Override
    public Optional<String> keyOf(Event event) {
      throw new AssertionError("the test kit calls keysOf");
    }

    @Override
    public List<String> keysOf(Event event) {
      return event instanceof CartTagged e ? List.copyOf(new LinkedHashSet<>(e.tags())) : List.of();
    }

    @Override
    public TagCount project(TagCount view, Event event) {
      return new TagCount(view.tag(), view.carts() + 1);
    }
  }

  private final Symbols symbols = new Symbols();
  private final SpecSource source = new SpecSource("tags.yaml", 12, "TagCount", "counts tags");
  private final UUID cart = symbols.uuid("cart");
  private final UUID other = symbols.uuid("other");

  private ViewSpec<String, TagCount> spec() {
    return ViewSpec.of(new TagCounts(), ShoppingCartCodec.INSTANCE, symbols, source)
        .given(new CartCreated(cart, "ann"),
            new CartTagged(cart, List.of("gift", "red", "gift"), Optional.empty(), Channel.WEB),
            new CartTagged(other, List.of("gift"), Optional.empty(), Channel.WEB));
  }

  @Test
  void one_event_changes_the_row_of_each_key_once_and_exactly_passes_in_any_order() {
    spec().expectRow("red", new TagCount("red", 1)).expectRow("gift", new TagCount("gift", 2)).thenExactly();
  }

  @Test
  void including_passes_when_other_rows_exist() {
    spec().expectRow("gift", new TagCount("gift", 2)).thenIncluding();
  }

  @Test
  void exactly_names_rows_not_expected_and_shows_both_sides_sorted_by_key() {
    AssertionFailedError e = failure(() -> spec().expectRow("gift", new TagCount("gift", 2)).thenExactly());

    assertEquals(String.join("\n",
        "spec 'counts tags' (TagCount) failed at tags.yaml:12",
        "  rows not expected for red",
        "  expected rows (exactly)           | actual rows",
        "  - TagCount:                       | - TagCount:",
        "      tag: gift                     |     tag: gift",
        "      carts: 2                      |     carts: 2",
        ">                                   | - TagCount:",
        ">                                   |     tag: red",
        ">                                   |     carts: 1"), e.getMessage());
  }

  @Test
  void exactly_with_no_rows_expected_fails_when_the_view_has_any() {
    AssertionFailedError e = failure(() -> spec().thenExactly());

    contains(e, "rows not expected for gift, red");
  }

  @Test
  void including_names_a_missing_row_and_a_differing_one() {
    AssertionFailedError e = failure(() -> spec()
        .expectRow("blue", new TagCount("blue", 1)).expectRow("gift", new TagCount("gift", 3)).thenIncluding());

    contains(e, "no row for blue; other values in the row of gift", "expected rows (among others)");
  }

  @Test
  void a_projector_that_returns_null_keys_is_named() {
    Projector<String, TagCount> broken = new TagCounts() {
      @Override
      public List<String> keysOf(Event event) {
        return null;
      }
    };
    AssertionFailedError e = failure(() -> ViewSpec.of(broken, ShoppingCartCodec.INSTANCE, symbols, source)
        .given(new CartCreated(cart, "ann")).thenExactly());

    contains(e, "keysOf given event #1 (CartCreated) returned null");
  }
}
