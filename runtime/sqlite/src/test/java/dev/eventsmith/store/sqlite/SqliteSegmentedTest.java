package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.segment.LiveSegments;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentStatus;
import dev.eventsmith.runtime.segment.SegmentedProjection;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmented API unsplit on SQLite: one segment, held by this process; and the status table. */
class SqliteSegmentedTest {

  @TempDir
  Path directory;

  private final Map<String, Tally> expected = new HashMap<>();

  private long count(SqliteEventStore events, String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
    return Tallies.count(events, counter, amount);
  }

  @Test
  void a_view_runs_unsplit_with_the_segmented_api_and_the_status_table_shows_its_lag() throws Exception {
    Path file = directory.resolve("app.db");
    try (SqliteEventStore events = SqliteEventStore.open(file);
        SqliteViewStore<String, Tally> rows = SqliteViewStore.open(file, "tallies", new TallyRows());
        SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file)) {
      SegmentedViewStore<String, Tally> view = SegmentedViewStore.whole("tallies", rows);
      long last = 0;
      try (LiveSegments projection = SegmentedProjection.of(events, Tallies.CODEC, new TallyProjector(), view)
          .start(SegmentLeases.sole(), Duration.ofHours(1), events)) {
        for (int i = 0; i < 30; i++) {
          last = count(events, "c" + i % 4, i);
        }
        assertTrue(projection.awaitCheckpoint(last, Duration.ofSeconds(30)));
      }
      assertEquals(expected, rows.all());
      SegmentStatus caughtUp = checkpoints.status().get(0);
      assertEquals(List.of("view:tallies"), checkpoints.status().stream().map(SegmentStatus::name).toList());
      assertEquals(Segment.WHOLE, caughtUp.segment());
      assertEquals(Optional.empty(), caughtUp.owner());
      assertEquals(last, caughtUp.checkpoint());
      assertEquals(0, caughtUp.lagEvents());
      assertEquals(Duration.ZERO, caughtUp.lag());

      count(events, "c0", 1);
      count(events, "c1", 1);
      SegmentStatus behind = checkpoints.status().get(0);
      assertEquals(2, behind.lagEvents());
      assertTrue(behind.lag().compareTo(Duration.ZERO) > 0, behind.toString());
    }
  }
}
