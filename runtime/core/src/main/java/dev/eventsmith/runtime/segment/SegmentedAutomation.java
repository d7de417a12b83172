package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.EventStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An automation split into segments by stream, so several instances of a service share the work:
 * the events of one stream reach the automation in log order, in one instance at a time. Each
 * command is dispatched with the command id an {@link dev.eventsmith.runtime.automation.AutomationRunner}
 * of the same name gives it, so a {@link dev.eventsmith.runtime.command.CommandHandler} records it
 * once, also when a page is handled again after a crash or by the instance that took a segment over.
 * When the checkpoints keep {@link SegmentedCheckpoints#issuedCommands()} (PostgreSQL's, and
 * {@link SegmentedCheckpoints#whole} over the in-memory, SQLite and PostgreSQL checkpoint stores),
 * each command's outcome is recorded after its dispatch, and a command whose outcome is recorded is
 * not dispatched again, as {@link dev.eventsmith.runtime.automation.AutomationRunner} does.
 *
 * <p>With {@link SegmentedCheckpoints#whole} and {@link SegmentLeases#sole()} the same code runs
 * an automation that is not split, on SQLite or in memory.
 */
public final class SegmentedAutomation {

  private final String name;
  private final EventStore events;
  private final EventCodec codec;
  private final Automation automation;
  private final CommandBus bus;
  private final SegmentedCheckpoints checkpoints;
  private final EventTypes types;
  private final long startAfter;
  private final int pageSize;

  private SegmentedAutomation(String name, EventStore events, EventCodec codec, Automation automation,
      CommandBus bus, SegmentedCheckpoints checkpoints, EventTypes types, long startAfter, int pageSize) {
    this.name = Objects.requireNonNull(name, "name");
    this.events = Objects.requireNonNull(events, "events");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.automation = Objects.requireNonNull(automation, "automation");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.types = types;
    if (startAfter < 0) {
      throw new IllegalArgumentException("a global position is never negative: " + startAfter);
    }
    this.startAfter = startAfter;
    this.pageSize = pageSize;
  }

  /**
   * The automation {@code name}, whose checkpoints are {@code checkpoints}'. The name goes into the
   * ids of the commands it issues: keep it when the automation's class is renamed.
   *
   * @throws IllegalArgumentException if {@code checkpoints} belong to another automation
   */
  public static SegmentedAutomation of(String name, EventStore events, EventCodec codec, Automation automation,
      CommandBus bus, SegmentedCheckpoints checkpoints) {
    if (!checkpoints.name().equals("automation:" + name)) {
      throw new IllegalArgumentException("the checkpoints " + checkpoints.name() + " are not those of the automation "
          + name + "; open them as automation:" + name);
    }
    return new SegmentedAutomation(name, events, codec, automation, bus, checkpoints, new EventTypes(codec,
        "the automation " + Objects.requireNonNull(automation, "automation").getClass().getName(),
        "SegmentedAutomation.skippingTypes(...)"), 0, SegmentRunner.DEFAULT_PAGE_SIZE);
  }

  /** This automation, reacting only to events after {@code position} (it still reads the log before). */
  public SegmentedAutomation startingAfter(long position) {
    return new SegmentedAutomation(name, events, codec, automation, bus, checkpoints, types, position, pageSize);
  }

  /** This automation, reading {@code pageSize} events at a time. */
  public SegmentedAutomation withPageSize(int pageSize) {
    return new SegmentedAutomation(name, events, codec, automation, bus, checkpoints, types, startAfter, pageSize);
  }

  /**
   * This automation, skipping events of the stored types {@code types} (another model's); every other
   * type its codec does not know still stops it.
   *
   * @throws IllegalArgumentException if a type is one the codec knows
   */
  public SegmentedAutomation skippingTypes(Collection<String> types) {
    return new SegmentedAutomation(name, events, codec, automation, bus, checkpoints, this.types.skipping(types),
        startAfter, pageSize);
  }

  /** A runner that catches the segments it is given up with the log, on the caller's thread. */
  public SegmentRunner<List<Command>> runner() {
    return new SegmentRunner<>(events, new AutomationWork(name, codec, automation, bus, types, startAfter,
        checkpoints.issuedCommands()),
        checkpoints).withPageSize(pageSize);
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
