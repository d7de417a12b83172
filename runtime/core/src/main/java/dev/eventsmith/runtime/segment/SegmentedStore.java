package dev.eventsmith.runtime.segment;

import java.util.List;

/**
 * Where a segmented runner keeps each segment's checkpoint and commits its pages: a view's rows, an
 * automation's checkpoints. A page of several segments commits in one transaction, and only if every
 * segment is still held under the page's lease and still at the checkpoint the page was read from.
 *
 * @param <P> what a page does to a segment (for a view: the rows it changed)
 */
public interface SegmentedStore<P> {

  /** The runner's name, as its checkpoints and leases are stored: {@code view:<name>}, {@code automation:<name>}. */
  String name();

  /**
   * Where each of {@code leases}' segments stands, in the same order.
   *
   * @throws LeaseLostException if a segment is no longer held under its lease
   */
  List<SegmentCheckpoint> checkpoints(List<Lease> leases);

  /**
   * Commits {@code pages} and moves each of their segments' checkpoints to {@code newPosition},
   * all or nothing.
   *
   * @return the new checkpoints, in the order of {@code pages}
   * @throws LeaseLostException if a segment is no longer held under its page's lease; nothing changed
   * @throws dev.eventsmith.runtime.checkpoint.CheckpointConflictException if a segment's checkpoint
   *     moved since its page was read (a reset, say); nothing changed
   */
  List<SegmentCheckpoint> commit(List<SegmentPage<P>> pages, long newPosition);
}
