package dev.eventsmith.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.checkpoint.IssuedCommands.Outcome;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
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
 * An automation runner, then a process runner, with durable checkpoints is killed with SIGKILL at
 * random points of its work, in a child JVM, and started again; in the end every command it issues
 * is in effect exactly once: each accepted command's event is recorded once, none is skipped, each
 * outcome is recorded and agrees with the log, and the events carry the flow's correlation and
 * causation ids. The automation copies each of {@value #SOURCES} counts into two of
 * {@value #TARGETS} target counters, which take {@value Tallies#LIMIT} each, so the last commands
 * are rejected. The process is {@link Escrow} over {@value #ESCROWS} holds, a third of whose
 * payments are rejected and refunded; each ends, and its deadline is cancelled.
 *
 * <p>A store's test subclasses this, starting a child JVM whose {@code main} calls
 * {@link #runChild} on the store's database.
 */
public abstract class AutomationCrashContract {

  static final int SOURCES = 150;
  static final int TARGETS = 2;
  static final int ESCROWS = 90;
  private static final String NAME = "relay";
  private static final String AUTOMATION = "automation";
  private static final String PROCESS = "process";
  private static final int KILLS = 3;

  /** The events of the test's database, opened afresh: the parent's own view of what the child did. */
  protected abstract EventStore openEvents();

  /** The checkpoints of the test's database, opened afresh; they keep {@link IssuedCommands}. */
  protected abstract CheckpointStore openCheckpoints();

  /** The deadlines of the test's database, opened afresh. */
  protected abstract DeadlineStore openDeadlines();

  /**
   * Starts a child JVM whose main calls {@link #runChild} with {@code mode} on the test's database.
   *
   * @param run the number of the run, for naming its files
   */
  protected abstract Process startChild(String mode, int run) throws Exception;

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
   * The child's work: runs the automation ({@code mode} "automation") or the process ("process")
   * over the log until it is exhausted, printing a line per decision (so the parent can kill it at
   * a chosen point of its work) and "done" at the end.
   */
  public static void runChild(String mode, EventStore events, CheckpointStore checkpoints, DeadlineStore deadlines,
      PrintStream out) {
    AtomicInteger decisions = new AtomicInteger();
    CountingCounter counter = new CountingCounter(() -> {
      synchronized (out) {
        out.println("decided " + decisions.incrementAndGet());
        out.flush();
      }
    });
    CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, counter));
    if (mode.equals(AUTOMATION)) {
      new AutomationRunner(events, Tallies.CODEC, relay(), bus).withCheckpoints(checkpoints, NAME).catchUp();
    } else {
      new ProcessRunner<>("escrow", events, Tallies.CODEC, new Escrow(), bus, checkpoints, deadlines).catchUp();
    }
    out.println("done");
    out.flush();
  }

  /** Kills children of {@code mode} at random points, then lets one finish; answers the seed. */
  private long killThenFinish(String mode, int decisionsOfAWholeRun) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int killedMidWork = 0;
    for (int run = 0; run < KILLS; run++) {
      // Somewhere in the decisions of a whole run; fewer remain after each kill.
      int decisions = 1 + random.nextInt(decisionsOfAWholeRun - decisionsOfAWholeRun / KILLS * run);
      if (runUntilKilled(mode, run, decisions)) {
        killedMidWork++;
      }
    }
    assertTrue(killedMidWork > 0, "seed " + seed + ": no child was killed in the middle of its work");
    Process last = startChild(mode, KILLS);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run did not finish");
    assertEquals(0, last.exitValue(), "the last run failed; its stderr is next to the database");
    return seed;
  }

  @Test
  @Tag("reliability")
  void every_command_is_in_effect_once_however_often_the_runner_is_killed() throws Exception {
    try (EventStore events = openEvents()) {
      for (int n = 0; n < SOURCES; n++) {
        Tallies.count(events, "src-" + n, 1);
      }
    }
    verify(killThenFinish(AUTOMATION, 2 * SOURCES));
  }

  /** Runs a child until it has made {@code decisions} decisions, then kills it; answers whether it was still working. */
  private boolean runUntilKilled(String mode, int run, int decisions) throws Exception {
    Process child = startChild(mode, run);
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

  @Test
  @Tag("reliability")
  void every_command_of_a_process_is_in_effect_once_however_often_its_runner_is_killed() throws Exception {
    try (EventStore events = openEvents()) {
      for (int k = 0; k < ESCROWS; k++) {
        if (k % 3 == 0) {
          Tallies.count(events, "pay-" + k, 95);
        }
        Tallies.count(events, "hold-" + k, 10);
      }
    }
    long seed = killThenFinish(PROCESS, ESCROWS + ESCROWS / 3);

    try (EventStore events = openEvents(); CheckpointStore checkpoints = openCheckpoints();
        DeadlineStore deadlines = openDeadlines()) {
      IssuedCommands issued = (IssuedCommands) checkpoints;
      for (int k = 0; k < ESCROWS; k++) {
        String key = Integer.toString(k);
        List<RecordedEvent> hold = events.readStream(StreamId.of("Counter", "hold-" + k), 1, 10);
        List<RecordedEvent> pay = events.readStream(StreamId.of("Counter", "pay-" + k), 1, 10);
        List<RecordedEvent> refund = events.readStream(StreamId.of("Counter", "refund-" + k), 1, 10);
        String payment = "process:escrow:" + hold.get(0).eventId() + ":0";
        assertEquals(1, pay.size(), () -> "seed " + seed + ": escrow " + key + " paid once, or was paid before");
        assertEquals(k % 3 == 0 ? 1 : 0, refund.size(), () -> "seed " + seed + ": escrow " + key + " refunds");
        assertEquals(Optional.of(k % 3 == 0 ? Outcome.REJECTED : Outcome.ACCEPTED), issued.outcome(payment), key);
        RecordedEvent effect = k % 3 == 0 ? refund.get(0) : pay.get(0);
        assertEquals(hold.get(0).eventId().toString(), effect.metadata().get(Causation.CORRELATION_ID), key);
        assertEquals(List.of(), deadlines.scheduled("escrow:" + key), () -> "seed " + seed + ": " + key
            + " ended, so its deadline is cancelled");
      }
      List<RecordedEvent> log = Events.readWholeLog(events);
      assertEquals(log.get(log.size() - 1).globalPosition(), checkpoints.read("process:escrow").position());
    }
  }
}
