package dev.eventsmith.runtime.projection;

/**
 * A store's way of saying "events may have been appended", so a {@link LiveProjection} reads at
 * once instead of at its next poll. Optional: a signal may be late, repeated or lost (the poll still
 * finds the events); it only shortens the delay.
 */
public interface AppendSignal {

  /**
   * Calls {@code wakeUp} after appends commit, until the returned registration is closed. The call
   * may come from any thread, an appending one included, so {@code wakeUp} must return at once.
   */
  Registration onAppend(Runnable wakeUp);

  /** Stops the wake-ups of one {@link #onAppend} call; closing it again does nothing. */
  interface Registration extends AutoCloseable {

    @Override
    void close();
  }
}
