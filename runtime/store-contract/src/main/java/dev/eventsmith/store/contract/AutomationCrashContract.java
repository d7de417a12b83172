package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.checkpoint.IssuedCommands.Outcome;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An automation runner with durable checkpoints is killed with SIGKILL at random points of its
 * work, in a child JVM, and started again; in the end every command it issues is in effect exactly
 * once: each accepted command's event is recorded once, none is skipped, each outcome is recorded
 * and agrees with the log, and the events carry the flow's correlation and causation ids. The
 * automation copies each of {@value #SOURCES} counts into two of {@value #TARGETS} target
 * counters, which take {@value Tallies#LIMIT} each, so the last commands are rejected.
 *
 * <p>A store's test subclasses this, starting a child JVM whose {@code main} calls
 * {@link #runChild} on the store's database.
 */
public abstract class AutomationCrashContract {

  static final int SOURCES = 150;
  static final int TARGETS = 2;
  private static final String NAME = "relay";
  private static final int KILLS = 3;

  /** The events of the test's database, opened afresh: the parent's own view of what the child did. */
  protected abstract EventStore openEvents();

  /** The checkpoints of the test's database, opened afresh; they keep {@link IssuedCommands}. */
  protected abstract CheckpointStore openCheckpoints();

  /** Starts a child JVM whose main calls {@link #runChild} on the test's database. */
  protected abstract Process startChild(int run) throws Exception;

  /** The automation of the test: a count on src-n goes to two of the target counters, one each. */
  static Automation relay() {
    return event -> {
      Counted counted = (Counted) event;
      if (!counted.counter().startsWith("src-")) {
        return List.of();
      }
      int n = Integer.parseInt(counted.counter().substring(4));
      return List.of(new Count("dst-" + n % TARGETS, 1), new Count("dst-" + (n + 1) % TARGETS, 1));
    };
  }

  /**
   * The child's work: runs the automation over the log until it is exhausted, printing a line per
   * decision (so the parent can kill it at a chosen point of its work) and "done" at the end.
   */
  public static void runChild(EventStore events, CheckpointStore checkpoints, PrintStream out) {
    AtomicInteger decisions = new AtomicInteger();
    CountingCounter counter = new CountingCounter(() -> {
      synchronized (out) {
        out.println("decided " + decisions.incrementAndGet());
        out.flush();
      }
    });
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, counter));
    new AutomationRunner(events, Tallies.CODEC, relay(), bus).withCheckpoints(checkpoints, NAME).catchUp();
    out.println("done");
    out.flush();
  }

  @Test
  @Tag("reliability")
  void every_command_is_in_effect_once_however_often_the_runner_is_killed() throws Exception {
    try (EventStore events = openEvents()) {
      for (int n = 0; n < SOURCES; n++) {
        Tallies.count(events, "src-" + n, 1);
      }
    }
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int killedMidWork = 0;
    for (int run = 0; run < KILLS; run++) {
      // Somewhere in the 2 * SOURCES decisions of a whole run; fewer remain after each kill.
      int decisions = 1 + random.nextInt(2 * SOURCES - 2 * SOURCES / KILLS * run);
      if (runUntilKilled(run, decisions)) {
        killedMidWork++;
      }
    }
    assertTrue(killedMidWork > 0, "seed " + seed + ": no child was killed in the middle of its work");
    Process last = startChild(KILLS);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run did not finish");
    assertEquals(0, last.exitValue(), "the last run failed; its stderr is next to the database");
    verify(seed);
  }

  /** Runs a child until it has made {@code decisions} decisions, then kills it; answers whether it was still working. */
  private boolean runUntilKilled(int run, int decisions) throws Exception {
    Process child = startChild(run);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int seen = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.equals("done")) {
          return false;
        }
        if (++seen >= decisions) {
          break;
        }
      }
      return child.isAlive();
    } finally {
      // SIGKILL: no shutdown hooks, no closing of connections, transactions left open.
      child.destroyForcibly();
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }
  }

  private void verify(long seed) {
    try (EventStore events = openEvents(); CheckpointStore checkpoints = openCheckpoints()) {
      IssuedCommands issued = (IssuedCommands) checkpoints;
      List<RecordedEvent> log = Events.readWholeLog(events);
      Map<String, RecordedEvent> recordedByCommand = new HashMap<>();
      Map<String, Integer> perTarget = new HashMap<>();
      for (RecordedEvent event : log) {
        if (event.stream().value().startsWith("Counter-dst-")) {
          RecordedEvent before = recordedByCommand.put(event.metadata().get(CommandHandler.COMMAND_ID), event);
          assertEquals(null, before, () -> "seed " + seed + ": recorded twice: " + event.metadata());
          perTarget.merge(event.stream().value(), 1, Integer::sum);
        }
      }
      int accepted = 0;
      for (RecordedEvent source : log.subList(0, SOURCES)) {
        for (int i = 0; i < 2; i++) {
          String id = AutomationRunner.commandId(NAME, source, i);
          Optional<Outcome> outcome = issued.outcome(id);
          RecordedEvent effect = recordedByCommand.get(id);
          assertTrue(outcome.isPresent(), () -> "seed " + seed + ": skipped, no outcome: " + id);
          assertEquals(effect != null ? Outcome.ACCEPTED : Outcome.REJECTED, outcome.get(), id);
          if (effect != null) {
            accepted++;
            assertEquals(source.eventId().toString(), effect.metadata().get(Causation.CAUSATION_ID));
            assertEquals(source.eventId().toString(), effect.metadata().get(Causation.CORRELATION_ID));
          }
        }
      }
      assertEquals(accepted, recordedByCommand.size(), "every target event is the effect of a source's command");
      for (int t = 0; t < TARGETS; t++) {
        assertEquals((int) Tallies.LIMIT, perTarget.get("Counter-dst-" + t), "seed " + seed
            + ": each target takes exactly its limit, the " + (2 * SOURCES / TARGETS - Tallies.LIMIT)
            + " commands past it are rejected");
      }
      assertEquals(log.get(log.size() - 1).globalPosition(), checkpoints.read("automation:" + NAME).position());
      assertFalse(log.isEmpty());
    }
  }
}
