package dev.eventsmith.runtime.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentTest {

  @Test
  void the_key_hash_is_32_bit_fnv_1a_of_the_utf_8_bytes() {
    // The published FNV-1a test vectors, and two keys whose UTF-8 is more than one byte a character.
    assertEquals(0x811c9dc5L, KeyHash.of(""));
    assertEquals(0xe40c292cL, KeyHash.of("a"));
    assertEquals(0xbf9cf968L, KeyHash.of("foobar"));
    assertEquals(0x1d268a79L, KeyHash.of("Cart-\u00fc"));
    assertEquals(0x33a29608L, KeyHash.of("\uD83D\uDE00"));
  }

  @Test
  void every_key_is_in_exactly_one_segment_of_a_layout_even_after_splits_and_merges() {
    List<Segment> layout = new ArrayList<>(Segment.evenly(3));
    // 1 of 3 -> 1 of 6, 4 of 6; 4 of 6 -> 4 of 12, 10 of 12; then 0 of 3 -> 0 of 6, 3 of 6.
    split(layout, new Segment(1, 3));
    split(layout, new Segment(4, 6));
    split(layout, new Segment(0, 3));
    assertEquals(List.of(new Segment(2, 3), new Segment(1, 6), new Segment(4, 12), new Segment(10, 12),
        new Segment(0, 6), new Segment(3, 6)), layout);
    assertPartition(layout);

    Segment merged = new Segment(10, 12).merged();
    assertEquals(new Segment(4, 6), merged);
    assertEquals(new Segment(4, 12), new Segment(10, 12).sibling());
    layout.removeAll(List.of(new Segment(4, 12), new Segment(10, 12)));
    layout.add(merged);
    assertPartition(layout);
  }

  private static void split(List<Segment> layout, Segment segment) {
    int at = layout.indexOf(segment);
    layout.remove(at);
    layout.addAll(segment.halves());
  }

  private static void assertPartition(List<Segment> layout) {
    for (int i = 0; i < 5_000; i++) {
      String key = "key-" + i;
      long holders = layout.stream().filter(s -> s.contains(key)).count();
      assertEquals(1, holders, () -> key + " is in " + holders + " segments of " + layout);
    }
  }

  @Test
  void halves_cover_their_keys_and_nothing_else() {
    Segment segment = new Segment(2, 5);
    List<Segment> halves = segment.halves();
    assertEquals(List.of(new Segment(2, 10), new Segment(7, 10)), halves);
    assertTrue(segment.covers(halves.get(0)) && segment.covers(halves.get(1)));
    assertFalse(halves.get(0).covers(segment));
    assertFalse(segment.covers(new Segment(3, 10)));
    assertEquals(segment, halves.get(1).merged());
    for (int i = 0; i < 1_000; i++) {
      String key = "k" + i;
      assertEquals(segment.contains(key), halves.get(0).contains(key) || halves.get(1).contains(key), key);
    }
  }

  @Test
  void impossible_segments_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> new Segment(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new Segment(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> new Segment(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Segment(0, Segment.MAX_COUNT + 1));
    assertThrows(IllegalArgumentException.class, () -> Segment.WHOLE.merged(), "the whole has no sibling");
    assertThrows(IllegalArgumentException.class, () -> new Segment(1, 3).sibling());
    assertThrows(IllegalArgumentException.class, () -> new Segment(0, Segment.MAX_COUNT).halves());
    assertTrue(Segment.WHOLE.contains("anything"));
  }

  @Test
  void after_a_merge_the_half_that_was_ahead_skips_what_it_has_applied() {
    Segment merged = new Segment(1, 2);
    Segment ahead = new Segment(3, 4);
    SegmentCheckpoint at = new SegmentCheckpoint(merged, new Checkpoint(100, 5),
        Optional.of(new SegmentCheckpoint.Ahead(ahead, 150)));
    String aheadKey = key(ahead);
    String otherKey = key(new Segment(1, 4));

    assertFalse(at.isNew(otherKey, 100), "at the checkpoint: applied");
    assertTrue(at.isNew(otherKey, 120));
    assertFalse(at.isNew(aheadKey, 120), "the half ahead has it");
    assertFalse(at.isNew(aheadKey, 150));
    assertTrue(at.isNew(aheadKey, 151));

    assertEquals(Optional.of(new SegmentCheckpoint.Ahead(ahead, 150)), at.advancedTo(new Checkpoint(149, 6)).ahead());
    assertEquals(Optional.empty(), at.advancedTo(new Checkpoint(150, 6)).ahead(), "forgotten once passed");
    assertThrows(IllegalArgumentException.class, () -> new SegmentCheckpoint(merged, Checkpoint.START,
        Optional.of(new SegmentCheckpoint.Ahead(new Segment(0, 4), 1))), "0 of 4 is not a half of 1 of 2");
  }

  private static String key(Segment segment) {
    for (int i = 0; ; i++) {
      if (segment.contains("k" + i)) {
        return "k" + i;
      }
    }
  }

  @Test
  void fair_shares_add_up_and_differ_by_at_most_one() {
    for (int segments = 1; segments <= 20; segments++) {
      for (int instances = 1; instances <= 7; instances++) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          names.add("instance-" + i);
        }
        int total = 0;
        int least = Integer.MAX_VALUE;
        int most = 0;
        for (String name : names) {
          int share = FairShare.of(segments, names, name);
          total += share;
          least = Math.min(least, share);
          most = Math.max(most, share);
        }
        assertEquals(segments, total);
        assertTrue(most - least <= 1);
      }
    }
    assertEquals(List.of(3, 3, 2), List.of(FairShare.of(8, List.of("a", "b", "c"), "a"),
        FairShare.of(8, List.of("a", "b", "c"), "b"), FairShare.of(8, List.of("a", "b", "c"), "c")));
    assertThrows(IllegalArgumentException.class, () -> FairShare.of(8, List.of("a"), "b"));
  }
}
