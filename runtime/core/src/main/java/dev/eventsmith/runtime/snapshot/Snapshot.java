package dev.eventsmith.runtime.snapshot;

import dev.eventsmith.runtime.store.StreamId;
import java.util.Arrays;
import java.util.Objects;

/**
 * An aggregate's folded state as of one version of its stream, stored so that loading it need not
 * replay the whole stream.
 *
 * @param streamVersion the version of the stream's last event folded into {@code state}
 * @param lastPosition the global position of that event, to check the snapshot belongs to this log
 * @param stateVersion the schema version of the encoded state, chosen by the caller: bump it when
 *     the state's shape or its evolve logic changes, and older snapshots are ignored
 * @param state the state as its {@link StateCodec} encoded it
 */
public record Snapshot(StreamId stream, long streamVersion, long lastPosition, int stateVersion, byte[] state) {

  public Snapshot {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(state, "state");
    if (streamVersion < 1) {
      throw new IllegalArgumentException("a snapshot is taken after at least one event: streamVersion " + streamVersion);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot other
        && stream.equals(other.stream)
        && streamVersion == other.streamVersion
        && lastPosition == other.lastPosition
        && stateVersion == other.stateVersion
        && Arrays.equals(state, other.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, streamVersion, lastPosition, stateVersion, Arrays.hashCode(state));
  }

  @Override
  public String toString() {
    return "Snapshot[" + stream + "@" + streamVersion + ", state v" + stateVersion + ", " + state.length + " bytes]";
  }
}
