package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints of an automation or a process split into segments by key: a page commits each
 * segment's new checkpoint under its lease. The page's effects are the commands it issued, already
 * dispatched while the page was handled, with command ids that make a repeat harmless, and their
 * outcomes recorded in {@link #issuedCommands()}; a store may ignore them.
 * {@link #whole} keeps them in any {@link CheckpointStore}, as one segment.
 */
public interface SegmentedCheckpoints extends SegmentedStore<List<Command>> {

  /**
   * Where the outcome of each issued command is recorded, if these checkpoints keep them: a
   * command whose outcome is recorded is not dispatched again, by this instance or by the one that
   * takes its segment over. The default keeps none.
   */
  default Optional<IssuedCommands> issuedCommands() {
    return Optional.empty();
  }

  /**
   * The checkpoint of the automation {@code name} in {@code checkpoints}, as one segment ({@link
   * Segment#WHOLE}) held by this process ({@link SegmentLeases#sole()}); the same checkpoint an
   * {@link dev.eventsmith.runtime.automation.AutomationRunner} of that name keeps there.
   */
  static SegmentedCheckpoints whole(CheckpointStore checkpoints, String name) {
    return new WholeCheckpoints(checkpoints, "automation:" + name);
  }

  /**
   * As {@link #whole}, the checkpoint of the process {@code name}: the same one a {@link
   * dev.eventsmith.runtime.automation.ProcessRunner} of that name keeps there.
   */
  static SegmentedCheckpoints wholeProcess(CheckpointStore checkpoints, String name) {
    return new WholeCheckpoints(checkpoints, "process:" + name);
  }
}
