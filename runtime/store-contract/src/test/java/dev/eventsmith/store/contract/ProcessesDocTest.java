package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/processes.md: its Java runs here, line for line. */
class ProcessesDocTest {

  private static final Path DOC = Path.of("../../docs/processes.md");
  private static final Path THIS = Path.of("src/test/java/dev/eventsmith/store/contract/ProcessesDocTest.java");

  @Test
  void the_example_runs() {
    InMemoryEventStore events = new InMemoryEventStore();
    EventCodec codec = Tallies.CODEC;
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, codec, new Counter()));
    InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
    Tallies.count(events, "hold-1", 5);
    ProcessRunner<Escrow.State> runner =
        new ProcessRunner<>("escrow", events, codec, new Escrow(), bus, checkpoints, deadlines);
    runner.catchUp();                                   // handle what the log holds
    DeadlineRunner timer = new DeadlineRunner(deadlines, Clock.systemUTC(), runner);
    timer.fireDue();                                    // fire what is due now
    assertEquals(1, events.streamVersion(StreamId.of("Counter", "pay-1")));
    assertEquals(0, timer.fireDue(), "the payment ended the escrow and cancelled its deadline");
  }

  @Test
  void every_line_of_the_java_example_runs_in_the_test_above_in_order() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> code = Files.readAllLines(THIS).stream().map(ProcessesDocTest::codeOf).toList();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertTrue(block.find(), "docs/processes.md has a Java example");
    int at = 0;
    for (String line : block.group(1).lines().map(ProcessesDocTest::codeOf).filter(l -> !l.isEmpty()).toList()) {
      int index = code.subList(at, code.size()).indexOf(line);
      assertTrue(index >= 0, () -> "docs/processes.md line not found (in order) in ProcessesDocTest: " + line);
      at += index + 1;
    }
  }

  private static String codeOf(String line) {
    int comment = line.indexOf("//");
    return (comment >= 0 ? line.substring(0, comment) : line).strip();
  }
}
