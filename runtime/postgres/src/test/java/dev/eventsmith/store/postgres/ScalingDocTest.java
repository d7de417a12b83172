package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.segment.SegmentedProcess;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.segment.LiveSegments;
import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentedAutomation;
import dev.eventsmith.runtime.segment.SegmentedProjection;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counter;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import dev.eventsmith.store.jdbc.internal.SqlScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/scaling.md: its code runs here, line for line, and its status query is the one the stores run. */
class ScalingDocTest {

  private static final Path DOC = Path.of("../../docs/scaling.md");
  private static final Path THIS = Path.of("src/test/java/dev/eventsmith/store/postgres/ScalingDocTest.java");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void the_examples_run() throws Exception {
    try (HikariDataSource dataSource = TestPostgres.freshSchema()) {
      Map<String, Tally> expected = new HashMap<>();
      // Running several instances
      PostgresEventStore events = PostgresEventStore.open(dataSource);
      PostgresSegments segments = PostgresSegments.open(dataSource);
      PostgresSegmentedViewStore<String, Tally> view =
          PostgresSegmentedViewStore.open(dataSource, "tallies", new TallyRows());
      LiveSegments projection = SegmentedProjection.of(events, Tallies.CODEC, new TallyProjector(), view)
          .start(segments.leases(view, 8), Duration.ofMillis(500), events);
      long last = 0;
      for (int i = 0; i < 40; i++) {
        String counter = (i % 2 == 0 ? "in-" : "c") + i % 5;
        Tally before = expected.getOrDefault(counter, new Tally(counter, 0, 0));
        expected.put(counter, new Tally(counter, before.total() + 1, before.events() + 1));
        last = Tallies.count(events, counter, 1);
      }
      assertTrue(projection.awaitCheckpoint(last, PATIENCE));
      assertEquals(8, projection.held().size(), "alone, the instance holds every segment");
      projection.close();
      assertEquals(expected, view.all());

      // An automation
      Automation copy = SegmentedChild.COPY;
      CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
      PostgresSegmentedCheckpoints checkpoints = PostgresSegmentedCheckpoints.open(dataSource, "copy");
      LiveSegments automation = SegmentedAutomation.of("copy", events, Tallies.CODEC, copy, bus, checkpoints)
          .start(segments.leases(checkpoints, 8), Duration.ofMillis(500), events);
      assertTrue(automation.awaitCheckpoint(last, PATIENCE));
      automation.close();
      assertEquals(4, events.streamVersion(StreamId.of("Counter", "out-0")), "in-0 was counted 4 times, so out-0 too");

      // A process
      Workflow<SegmentedChild.Relayed> relay = new SegmentedChild.Relay();
      PostgresSegmentedCheckpoints relayCheckpoints = PostgresSegmentedCheckpoints.openProcess(dataSource, "relay");
      PostgresDeadlineStore deadlines = PostgresDeadlineStore.open(dataSource);
      LiveSegments process = SegmentedProcess.of("relay", events, Tallies.CODEC, relay, bus, relayCheckpoints, deadlines)
          .start(segments.leases(relayCheckpoints, 8), Duration.ofMillis(500), events);
      long patience = System.nanoTime() + PATIENCE.toNanos();
      while (events.streamVersion(StreamId.of("Counter", "dl-0")) < 1 && System.nanoTime() < patience) {
        Thread.sleep(20);
      }
      process.close();
      assertEquals(8, events.streamVersion(StreamId.of("Counter", "out-0")), "in-0's four counts relayed as 1 to 4");
      assertEquals(1, events.streamVersion(StreamId.of("Counter", "dl-0")), "its deadline fired once");

      // Split and merge
      segments.split("view:tallies", new Segment(3, 8));
      segments.merge("view:tallies", new Segment(11, 16));
      assertEquals(Segment.evenly(8), segments.layout("view:tallies"));

      // A large log
      PostgresLogPartitions partitions = PostgresLogPartitions.open(dataSource);
      partitions.partition();
      partitions.extend(2);
      assertTrue(partitions.partitions().size() >= 1 + 2);
      events.close();
    }
  }

  @Test
  void the_unsplit_example_runs() throws Exception {
    try (HikariDataSource dataSource = TestPostgres.freshSchema()) {
      PostgresEventStore events = PostgresEventStore.open(dataSource);
      long last = Tallies.count(events, "c", 2);
      ViewStore<String, Tally> sqliteView = new InMemoryViewStore<>();
      SegmentedViewStore<String, Tally> unsplit = SegmentedViewStore.whole("tallies", sqliteView);
      LiveSegments projection = SegmentedProjection.of(events, Tallies.CODEC, new TallyProjector(), unsplit)
          .start(SegmentLeases.sole(), Duration.ofMillis(500));
      assertTrue(projection.awaitCheckpoint(last, PATIENCE));
      projection.close();
      assertEquals(Map.of("c", new Tally("c", 2, 1)), sqliteView.all());
      events.close();
    }
  }

  @Test
  void every_line_of_the_java_examples_runs_in_the_test_above_in_order() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> code = Files.readAllLines(THIS).stream().map(ScalingDocTest::codeOf).toList();
    Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
    int found = 0;
    while (blocks.find()) {
      found++;
      int at = 0;
      for (String line : blocks.group(1).lines().map(ScalingDocTest::codeOf).filter(l -> !l.isEmpty()).toList()) {
        int index = code.subList(at, code.size()).indexOf(line);
        assertTrue(index >= 0, () -> "docs/scaling.md line not found (in order) in ScalingDocTest: " + line);
        at += index + 1;
      }
    }
    assertEquals(6, found, "the Java examples of docs/scaling.md");
  }

  @Test
  void the_status_query_of_the_docs_is_the_one_the_store_runs() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("## Watching lag.*?```sql\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertTrue(block.find(), "docs/scaling.md shows the status query");
    String store = String.join("\n", SqlScripts.statements("/dev/eventsmith/store/postgres/segment/status.sql",
        Map.of()));
    assertEquals(normalized(store), normalized(block.group(1)));
  }

  /** A line without its comment and indentation; the doc leaves out the test's assertions. */
  private static String codeOf(String line) {
    int comment = line.indexOf("//");
    return (comment >= 0 ? line.substring(0, comment) : line).strip();
  }

  private static String normalized(String sql) {
    List<String> lines = new ArrayList<>();
    for (String line : sql.lines().toList()) {
      int comment = line.indexOf("--");
      String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (!code.isEmpty()) {
        lines.add(code);
      }
    }
    return String.join(" ", lines);
  }
}
