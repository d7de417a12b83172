package dev.eventsmith.runtime.checkpoint;

/**
 * Where a runner (a view's projection, an automation) stands in the global log: the position of
 * the last event it applied, and a fence that grows with every change of the checkpoint.
 *
 * <p>Checkpoints move by compare-and-set on the whole value: a runner says which checkpoint its
 * work started from, and the store refuses the work if anyone moved the checkpoint meanwhile. The
 * fence makes that safe even when the position comes back to a value it had (a view reset to 0 and
 * rebuilt to where it was): the fence never comes back.
 *
 * @param position the global position of the last event applied, 0 before any
 * @param fence how many times the checkpoint changed, 0 before the first change
 */
public record Checkpoint(long position, long fence) {

  /** The checkpoint of a runner that has applied nothing yet. */
  public static final Checkpoint START = new Checkpoint(0, 0);

  public Checkpoint {
    if (position < 0) {
      throw new IllegalArgumentException("a global position is never negative: " + position);
    }
    if (fence < 0) {
      throw new IllegalArgumentException("a checkpoint's fence is never negative: " + fence);
    }
  }

  /**
   * The checkpoint after applying the log up to {@code position}: that position, the fence one higher.
   *
   * @throws IllegalArgumentException if {@code position} is not beyond this one's
   */
  public Checkpoint advancedTo(long position) {
    if (position <= this.position) {
      throw new IllegalArgumentException("a checkpoint only moves forward: from " + this.position + " to " + position
          + " is not forward");
    }
    return new Checkpoint(position, fence + 1);
  }

  /** The checkpoint after a reset: position 0 again, the fence one higher. */
  public Checkpoint restarted() {
    return new Checkpoint(0, fence + 1);
  }

  @Override
  public String toString() {
    return "position " + position + " (fence " + fence + ")";
  }
}
