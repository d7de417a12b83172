package dev.eventsmith.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvalidCommandExceptionTest {

  @Test
  void names_the_command_the_field_and_the_problem() {
    IllegalStateException cause = new IllegalStateException("bad");
    InvalidCommandException e = new InvalidCommandException("AddItem", "quantity", "must be at least 1, but is 0", cause);
    assertEquals("AddItem.quantity: must be at least 1, but is 0", e.getMessage());
    assertEquals("AddItem", e.command());
    assertEquals(Optional.of("quantity"), e.field());
    assertEquals("must be at least 1, but is 0", e.problem());
    assertSame(cause, e.getCause());
  }

  @Test
  void a_problem_of_the_whole_command_names_no_field() {
    InvalidCommandException e = new InvalidCommandException("AddItem", null, "not a JSON object", null);
    assertEquals("AddItem: not a JSON object", e.getMessage());
    assertEquals(Optional.empty(), e.field());
  }
}
