package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.projection.LiveProjection;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an SQLite view does beyond the contract (SqliteViewStoreContractTest): live in a file of its own. */
class SqliteViewStoreTest {

  @TempDir
  Path directory;

  private Path file;
  private SqliteEventStore events;
  /** What the view must hold: the sums of the events recorded, computed independently. */
  private final Map<String, Tally> expected = new HashMap<>();

  @BeforeEach
  void open() {
    file = directory.resolve("app.db");
    events = SqliteEventStore.open(file);
  }

  @AfterEach
  void close() {
    events.close();
  }

  private long count(String counter, long amount) {
    Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
    expected.put(counter, new Tally(counter, before.total() + amount, before.events() + 1));
    return Tallies.count(events, counter, amount);
  }

  private ProjectionRunner<String, Tally> runner(SqliteViewStore<String, Tally> views) {
    return new ProjectionRunner<>(events, Tallies.CODEC, new TallyProjector(), views);
  }

  @Test
  void a_view_in_a_file_of_its_own_follows_the_log_live_woken_by_the_store() throws Exception {
    Path own = directory.resolve("views/tallies.db");
    try (SqliteViewStore<String, Tally> views = SqliteViewStore.open(own, "tallies", new TallyRows());
        // Polling hourly: only the store's append signal can wake the projection in time.
        LiveProjection live = LiveProjection.start("tallies", runner(views), Duration.ofHours(1), events)) {
      assertTrue(live.awaitCheckpoint(0, Duration.ofSeconds(20)));
      count("a", 1);
      long last = count("a", 2);

      assertTrue(live.awaitCheckpoint(last, Duration.ofSeconds(20)));
      assertEquals(expected, views.all());
    }
  }
}
