package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointConflictException;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints of a runner split into segments, in memory, for tests of several instances: a token
 * per segment that changes at every {@link #claim}, checked by every read and commit, as
 * PostgreSQL's are; the outcomes of issued commands in an {@link InMemoryCheckpointStore}.
 */
public final class SplitCheckpoints implements SegmentedCheckpoints {

  private final String name;
  private final Map<Integer, Checkpoint> checkpoints = new HashMap<>();
  private final Map<Integer, Long> tokens = new HashMap<>();
  private final Map<Integer, Segment> layout = new HashMap<>();
  private final IssuedCommands outcomes;
  private long nextToken = 1;
  /** Runs once before the next commit, as another instance would meanwhile. */
  public volatile Runnable beforeCommit = () -> { };

  /** @param name the runner's checkpoint name: {@code automation:<name>}, {@code process:<name>} */
  public SplitCheckpoints(String name, int segments, IssuedCommands outcomes) {
    this.name = name;
    this.outcomes = outcomes;
    for (Segment segment : Segment.evenly(segments)) {
      layout.put(segment.index(), segment);
      checkpoints.put(segment.index(), Checkpoint.START);
      tokens.put(segment.index(), 0L);
    }
  }

  /** A new claim of segment {@code index}: whoever held it before loses it. */
  public synchronized Lease claim(int index) {
    tokens.put(index, nextToken);
    return new Lease(layout.get(index), nextToken++);
  }

  /** Where segment {@code index} stands. */
  public synchronized long position(int index) {
    return checkpoints.get(index).position();
  }

  /** These checkpoints, with {@code outcomes} for the issued commands (another instance's view of the same ledger). */
  public SegmentedCheckpoints withOutcomes(IssuedCommands outcomes) {
    SplitCheckpoints shared = this;
    return new SegmentedCheckpoints() {
      @Override
      public String name() {
        return shared.name();
      }

      @Override
      public Optional<IssuedCommands> issuedCommands() {
        return Optional.of(outcomes);
      }

      @Override
      public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
        return shared.checkpoints(leases);
      }

      @Override
      public List<SegmentCheckpoint> commit(List<SegmentPage<List<Command>>> pages, long newPosition) {
        return shared.commit(pages, newPosition);
      }
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<IssuedCommands> issuedCommands() {
    return Optional.of(outcomes);
  }

  @Override
  public synchronized List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    List<SegmentCheckpoint> at = new ArrayList<>();
    for (Lease lease : leases) {
      check(lease);
      at.add(SegmentCheckpoint.at(lease.segment(), checkpoints.get(lease.segment().index())));
    }
    return at;
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<List<Command>>> pages, long newPosition) {
    Runnable meanwhile = beforeCommit;
    beforeCommit = () -> { };
    meanwhile.run();
    return commitNow(pages, newPosition);
  }

  private synchronized List<SegmentCheckpoint> commitNow(List<SegmentPage<List<Command>>> pages, long newPosition) {
    for (SegmentPage<List<Command>> page : pages) {
      check(page.lease());
      Checkpoint actual = checkpoints.get(page.lease().segment().index());
      if (!actual.equals(page.from().checkpoint())) {
        throw new CheckpointConflictException(name, page.from().checkpoint(), actual);
      }
    }
    List<SegmentCheckpoint> moved = new ArrayList<>();
    for (SegmentPage<List<Command>> page : pages) {
      Checkpoint next = page.from().checkpoint().advancedTo(newPosition);
      checkpoints.put(page.lease().segment().index(), next);
      moved.add(page.from().advancedTo(next));
    }
    return moved;
  }

  private void check(Lease lease) {
    if (tokens.get(lease.segment().index()) != lease.token()) {
      throw new LeaseLostException(name, lease);
    }
  }
}
