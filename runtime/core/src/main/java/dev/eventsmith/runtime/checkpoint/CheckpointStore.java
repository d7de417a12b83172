package dev.eventsmith.runtime.checkpoint;

/**
 * Durable, fenced checkpoints of runners whose effects do not live with the checkpoint (an
 * automation's commands): each named checkpoint moves only by compare-and-set, so two runners
 * of one automation never both move it from the same place. Implementations are safe for
 * concurrent use, by threads and by processes sharing the database.
 *
 * <p>Names are text of 1 to 255 UTF-16 code units, well-formed (no lone surrogate) and without
 * NUL, as {@link dev.eventsmith.runtime.store.StoredText} checks; other names are refused with
 * an IllegalArgumentException.
 */
public interface CheckpointStore extends AutoCloseable {

  /** The checkpoint stored as {@code name}, {@link Checkpoint#START} if there is none. */
  Checkpoint read(String name);

  /**
   * Moves {@code name}'s checkpoint to {@code position} if it is still {@code expected}, and
   * answers the new checkpoint (its fence one higher).
   *
   * @throws CheckpointConflictException if the stored checkpoint is not {@code expected}; then
   *     nothing changed
   * @throws IllegalArgumentException if {@code position} is not beyond {@code expected}'s
   */
  Checkpoint advance(String name, Checkpoint expected, long position);

  /** Releases the store's resources; the default does nothing. */
  @Override
  default void close() {}
}
