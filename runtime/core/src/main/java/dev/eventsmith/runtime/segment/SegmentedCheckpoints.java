package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import java.util.List;

/**
 * The checkpoints of an automation split into segments by stream: a page commits each segment's
 * new checkpoint under its lease. The page's effects are the commands it issued, already dispatched
 * while the page was handled, with command ids that make a repeat harmless; a store may ignore them.
 * {@link #whole} keeps them in any {@link CheckpointStore}, as one segment.
 */
public interface SegmentedCheckpoints extends SegmentedStore<List<Command>> {

  /**
   * The checkpoint of the automation {@code name} in {@code checkpoints}, as one segment ({@link
   * Segment#WHOLE}) held by this process ({@link SegmentLeases#sole()}); the same checkpoint an
   * {@link dev.eventsmith.runtime.automation.AutomationRunner} of that name keeps there.
   */
  static SegmentedCheckpoints whole(CheckpointStore checkpoints, String name) {
    return new WholeCheckpoints(checkpoints, "automation:" + name);
  }
}
