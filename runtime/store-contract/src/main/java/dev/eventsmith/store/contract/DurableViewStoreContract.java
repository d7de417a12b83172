package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.contract.Tallies.Tally;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a view store that keeps rows in a database must do beyond {@link ViewStoreContract}: name
 * its tables after views, with the same limits everywhere, and say what to do about a stored row
 * its codec cannot read.
 */
public abstract class DurableViewStoreContract extends ViewStoreContract {

  /** The longest view name: its table, eventsmith_view_&lt;name&gt;, fits PostgreSQL's 63 bytes. */
  public static final int LONGEST_NAME = 47;

  /** Overwrites the stored JSON of {@code key}'s row in view {@code view}, as a damaged database or a changed codec would. */
  protected abstract void overwriteRow(String view, String key, String json) throws Exception;

  @Test
  void a_row_that_does_not_decode_names_the_view_and_key_and_says_what_to_do() throws Exception {
    view("tallies").apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);
    overwriteRow("tallies", "a", "{\"counter\":\"a\"}");

    EventStoreException e = assertThrows(EventStoreException.class, () -> view("tallies").find("a"));

    assertTrue(e.getMessage().startsWith("the row of key a in the view tallies ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("; fix the view's RowCodec, or rebuild the view"), e.getMessage());
  }

  @Test
  void a_name_that_cannot_name_a_table_is_refused_with_an_example() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> view("Cart Summaries; DROP"));
    assertEquals("a view's name is 1 to " + LONGEST_NAME + " lower case letters, digits or '_', starting with a "
        + "letter, since it names a table; \"Cart Summaries; DROP\" is not, use e.g. \"cart_summaries\"", e.getMessage());
  }

  @Test
  @Tag("reliability")
  void names_are_limited_alike_in_every_store_so_none_is_cut_short() {
    String longest = "v".repeat(LONGEST_NAME);
    String tooLong = "w".repeat(LONGEST_NAME + 1);
    String sameStart = longest + "x";

    ViewStore<String, Tally> view = view(longest);
    view.apply(Map.of("a", new Tally("a", 1, 1)), Checkpoint.START, 1);

    assertEquals(Map.of("a", new Tally("a", 1, 1)), view(longest).all());
    assertThrows(IllegalArgumentException.class, () -> view(tooLong));
    assertThrows(IllegalArgumentException.class, () -> view(sameStart),
        "a longer name is refused, never cut to the name of another view");
  }
}
