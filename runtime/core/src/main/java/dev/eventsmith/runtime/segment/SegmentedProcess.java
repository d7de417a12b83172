package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.automation.ProcessSteps;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A process ({@link Workflow}) split into segments by the key of its instances, so several
 * instances of a service share it, as {@link SegmentedAutomation}
 * shares an automation: each segment has its own checkpoint, and the instances of a segment are
 * run by the one service instance that holds its lease, in log order.
 *
 * <pre>{@code
 * LiveSegments escrow = SegmentedProcess.of("escrow", events, codec, new Escrow(), bus, checkpoints, deadlines)
 *     .start(segments.leases(checkpoints, 8), Duration.ofMillis(500), events);
 * }</pre>
 *
 * <p>What it does for each event is what a {@link ProcessRunner} of the same name does: the same
 * command ids, correlation and causation ids, deadline owners ("name:key") and compensation, and
 * each command's outcome recorded when the checkpoints keep {@link
 * SegmentedCheckpoints#issuedCommands()}. The differences:
 *
 * <ul>
 *   <li><b>State.</b> A service instance folds the process instances of a segment from the start
 *       of the log when it takes the segment (claimed, taken over, split or merged), up to the
 *       segment's checkpoint, reacting to nothing; from then on it folds them page by page, and a
 *       page's changes count only once the page is committed under the segment's lease.</li>
 *   <li><b>Deadlines.</b> It fires them itself, on its own thread, when it has caught up with the
 *       log: it claims only the due deadlines of the process instances in the segments it holds,
 *       checks in the store that it still holds the segment before firing each, and completes it.
 *       No {@link dev.eventsmith.runtime.deadline.DeadlineRunner} is needed. A deadline claimed by an
 *       instance that dies is claimed again by the segment's next holder once its claim's lease
 *       ({@link #withDeadlineLease}) ends, and fired with the same command ids.</li>
 * </ul>
 *
 * <p>With {@link SegmentedCheckpoints#wholeProcess} and {@link SegmentLeases#sole()} the same code
 * runs a process that is not split, on SQLite or in memory. It reads every event type its codec
 * knows; an unknown one stops it.
 *
 * @param <S> the state of one process instance
 */
public final class SegmentedProcess<S> {

  private static final Duration DEFAULT_DEADLINE_LEASE = Duration.ofMinutes(1);
  private static final int DEFAULT_PAGE_SIZE = 500;

  private final ProcessSteps<S> steps;
  private final EventStore events;
  private final EventCodec codec;
  private final CommandBus bus;
  private final SegmentedCheckpoints checkpoints;
  private final DeadlineStore deadlines;
  private final Clock clock;
  private final Duration deadlineLease;
  private final int pageSize;

  private SegmentedProcess(ProcessSteps<S> steps, EventStore events, EventCodec codec, CommandBus bus,
      SegmentedCheckpoints checkpoints, DeadlineStore deadlines, Clock clock, Duration deadlineLease, int pageSize) {
    this.steps = steps;
    this.events = Objects.requireNonNull(events, "events");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.checkpoints = checkpoints;
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    this.clock = Objects.requireNonNull(clock, "clock");
    DeadlineStore.checkClaim(clock.instant(), deadlineLease, 1);
    this.deadlineLease = deadlineLease;
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize is at least 1: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /**
   * The process {@code name}, whose checkpoints are {@code checkpoints}' (named "process:name", as
   * a {@link ProcessRunner}'s) and whose deadlines are in {@code deadlines}, firing them by the
   * system clock. The name goes into command ids and deadline owners: keep it when the class is
   * renamed.
   *
   * @throws IllegalArgumentException if {@code checkpoints} belong to another runner
   */
  public static <S> SegmentedProcess<S> of(String name, EventStore events, EventCodec codec, Workflow<S> process,
      CommandBus bus, SegmentedCheckpoints checkpoints, DeadlineStore deadlines) {
    ProcessSteps<S> steps = new ProcessSteps<>(name, process, deadlines);
    if (!checkpoints.name().equals("process:" + name)) {
      throw new IllegalArgumentException("the checkpoints " + checkpoints.name() + " are not those of the process "
          + name + "; open them as process:" + name);
    }
    return new SegmentedProcess<>(steps, events, codec, bus, checkpoints, deadlines, Clock.systemUTC(),
        DEFAULT_DEADLINE_LEASE, DEFAULT_PAGE_SIZE);
  }

  /** This process, firing deadlines by {@code clock} (tests move it by hand). */
  public SegmentedProcess<S> withClock(Clock clock) {
    return new SegmentedProcess<>(steps, events, codec, bus, checkpoints, deadlines, clock, deadlineLease, pageSize);
  }

  /**
   * This process, holding a deadline it claimed for {@code lease} (one minute by default): longer
   * than firing a hundred deadlines takes; if the instance dies holding it, the next holder of the
   * segment fires it that much later.
   */
  public SegmentedProcess<S> withDeadlineLease(Duration lease) {
    return new SegmentedProcess<>(steps, events, codec, bus, checkpoints, deadlines, clock, lease, pageSize);
  }

  /** This process, reading {@code pageSize} events at a time. */
  public SegmentedProcess<S> withPageSize(int pageSize) {
    return new SegmentedProcess<>(steps, events, codec, bus, checkpoints, deadlines, clock, deadlineLease, pageSize);
  }

  /** The owner of the deadlines of the process instance {@code key}: "name:key". */
  public String owner(String key) {
    return steps.owner(key);
  }

  /**
   * A runner that catches the segments it is given up with the log and then fires their due
   * deadlines, on the caller's thread. Each runner folds its own process instances: give each
   * thread its own.
   */
  public SegmentRunner<?> runner() {
    return runner(work());
  }

  /** The work of one runner: its own process instances. */
  ProcessWork<S> work() {
    EventTypes types = new EventTypes(codec, "the process " + steps.name(),
        "(a process reads every type its codec knows)");
    return new ProcessWork<>(steps, events, codec, types, bus, checkpoints, deadlines, clock, deadlineLease,
        pageSize);
  }

  SegmentRunner<?> runner(ProcessWork<S> work) {
    return new SegmentRunner<>(events, work, work).withPageSize(pageSize);
  }

  /** Starts this instance's share on a thread of its own, polling the log every {@code pollInterval}. */
  public LiveSegments start(SegmentLeases leases, Duration pollInterval) {
    return LiveSegments.start(runner(), leases, pollInterval);
  }

  /** As {@link #start(SegmentLeases, Duration)}, reading at once when {@code signal} fires. */
  public LiveSegments start(SegmentLeases leases, Duration pollInterval, AppendSignal signal) {
    return LiveSegments.start(runner(), leases, pollInterval, signal);
  }
}
