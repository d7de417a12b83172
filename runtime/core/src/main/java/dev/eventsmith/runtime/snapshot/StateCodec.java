package dev.eventsmith.runtime.snapshot;

/**
 * Turns an aggregate's folded state into bytes for a {@link Snapshot} and back; written by hand
 * next to the decider. Decoding may throw on data it does not understand: the snapshot is then
 * ignored and the stream replayed.
 *
 * @param <S> the decider's state
 */
public interface StateCodec<S> {

  byte[] encode(S state);

  S decode(byte[] data);
}
