package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A plain checkpoint store as the one segment of a segmented automation or process. */
final class WholeCheckpoints implements SegmentedCheckpoints {

  private final CheckpointStore checkpoints;
  private final String name;

  WholeCheckpoints(CheckpointStore checkpoints, String name) {
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.name = StoredText.check(name, "an automation's checkpoint name");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<IssuedCommands> issuedCommands() {
    return checkpoints instanceof IssuedCommands issued ? Optional.of(issued) : Optional.empty();
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    return leases.stream().map(lease -> SegmentCheckpoint.at(Whole.check(name, lease), checkpoints.read(name)))
        .toList();
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<List<Command>>> pages, long newPosition) {
    return pages.stream().map(page -> SegmentCheckpoint.at(Whole.check(name, page.lease()),
        checkpoints.advance(name, page.from().checkpoint(), newPosition))).toList();
  }
}
