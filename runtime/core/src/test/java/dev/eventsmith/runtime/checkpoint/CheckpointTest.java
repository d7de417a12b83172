package dev.eventsmith.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckpointTest {

  @Test
  void a_checkpoint_is_never_negative() {
    assertEquals(new Checkpoint(0, 0), Checkpoint.START);
    assertEquals("a global position is never negative: -1",
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(-1, 0)).getMessage());
    assertEquals("a checkpoint's fence is never negative: -1",
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(0, -1)).getMessage());
  }

  @Test
  void it_moves_forward_only_and_every_move_raises_the_fence() {
    Checkpoint at5 = Checkpoint.START.advancedTo(5);
    assertEquals(new Checkpoint(5, 1), at5);
    assertEquals(new Checkpoint(0, 2), at5.restarted());
    assertEquals("a checkpoint only moves forward: from 5 to 5 is not forward",
        assertThrows(IllegalArgumentException.class, () -> at5.advancedTo(5)).getMessage());
    assertEquals("position 5 (fence 1)", at5.toString());
  }

  @Test
  void a_conflict_names_the_checkpoint_and_both_positions() {
    Checkpoint read = new Checkpoint(3, 4);
    Checkpoint found = new Checkpoint(7, 5);
    CheckpointConflictException e = new CheckpointConflictException("the view cart_summary", read, found);
    assertEquals("the view cart_summary is at position 7 (fence 5), but this runner read it at position 3 (fence 4):"
        + " another runner moved it meanwhile, and nothing was changed; re-read the checkpoint and continue from it",
        e.getMessage());
    assertEquals("the view cart_summary", e.name());
    assertEquals(read, e.expected());
    assertEquals(found, e.actual());
  }
}
