package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/flows.md, run: its Java line starts a flow of three events over two automation hops, and
 * its query for a store's dialect, run on that store's database, lists the flow in order.
 */
public final class FlowsDoc {

  /** The page, from a store module's directory. */
  public static final Path PAGE = Path.of("../../docs/flows.md");
  private static final Path THIS = Path.of("../store-contract/src/main/java/dev/eventsmith/store/contract/FlowsDoc.java");

  private FlowsDoc() {}

  /**
   * Runs the page's Java line and its query for {@code dialect} ("SQLite", "PostgreSQL") on
   * {@code connection}, the database of {@code events} and {@code checkpoints}, and checks the rows.
   */
  public static void run(EventStore events, CheckpointStore checkpoints, Connection connection, String dialect)
      throws SQLException {
    String requestId = "request-42";
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
    bus.dispatch(new Count("in-1", 3), Map.of(Causation.CORRELATION_ID, requestId));
    Automation relay = event -> {
      String counter = ((Counted) event).counter();
      return counter.startsWith("in-") ? List.of(new Count("mid-1", 3))
          : counter.startsWith("mid-") ? List.of(new Count("out-1", 3)) : List.of();
    };
    new AutomationRunner(events, Tallies.CODEC, relay, bus).withCheckpoints(checkpoints, "relay").catchUp();
    List<RecordedEvent> log = Events.readWholeLog(events);
    assertEquals(3, log.size());

    List<String> rows = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(query(dialect))) {
      query.setString(1, requestId);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString("stream") + " " + result.getString("type") + " " + result.getString("caused_by"));
        }
      }
    }
    assertEquals(List.of("Counter-in-1 Counted null",
        "Counter-mid-1 Counted " + log.get(0).eventId(),
        "Counter-out-1 Counted " + log.get(1).eventId()), rows);
  }

  /** The page's query for {@code dialect}: the sql block whose first line names it. */
  static String query(String dialect) {
    Matcher block = Pattern.compile("```sql\n-- " + dialect + "[^\n]*\n(.*?)```", Pattern.DOTALL).matcher(page());
    assertTrue(block.find(), "docs/flows.md shows the query for " + dialect);
    return block.group(1);
  }

  /** Checks that each line of the page's Java example is a line of {@link #run}. */
  public static void checkJavaLines() {
    try {
      List<String> code = Files.readAllLines(THIS).stream().map(String::strip).toList();
      Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(page());
      assertTrue(blocks.find(), "docs/flows.md has a Java example");
      for (String line : blocks.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
        assertTrue(code.contains(line), () -> "docs/flows.md line not run by FlowsDoc: " + line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String page() {
    try {
      return Files.readString(PAGE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
