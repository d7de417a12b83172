package dev.eventsmith.runtime.checkpoint;

import dev.eventsmith.runtime.store.EventStoreException;

/**
 * A checkpoint was not where the runner that wanted to move it had read it: another runner of the
 * same view or automation moved it first (or the view was reset). Nothing was changed; re-read the
 * checkpoint and carry on from there. The runners of this package do so by themselves.
 */
public final class CheckpointConflictException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final Checkpoint expected;
  private final Checkpoint actual;

  public CheckpointConflictException(String name, Checkpoint expected, Checkpoint actual) {
    super(name + " is at " + actual + ", but this runner read it at " + expected
        + ": another runner moved it meanwhile, and nothing was changed; re-read the checkpoint and continue from it");
    this.name = name;
    this.expected = expected;
    this.actual = actual;
  }

  /** What the checkpoint belongs to, e.g. "the view cart_summary". */
  public String name() {
    return name;
  }

  /** Where the refused change expected the checkpoint. */
  public Checkpoint expected() {
    return expected;
  }

  /** Where the checkpoint was. */
  public Checkpoint actual() {
    return actual;
  }
}
