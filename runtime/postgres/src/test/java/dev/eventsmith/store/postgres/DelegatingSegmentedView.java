package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.store.contract.Tallies.Tally;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes every call on to another segmented view; a test overrides the calls it interferes with or records. */
class DelegatingSegmentedView implements SegmentedViewStore<String, Tally> {

  private final SegmentedViewStore<String, Tally> view;

  DelegatingSegmentedView(SegmentedViewStore<String, Tally> view) {
    this.view = view;
  }

  @Override
  public String name() {
    return view.name();
  }

  @Override
  public Optional<Tally> find(String key) {
    return view.find(key);
  }

  @Override
  public Map<String, Tally> all() {
    return view.all();
  }

  @Override
  public String keyText(String key) {
    return view.keyText(key);
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    return view.checkpoints(leases);
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<Map<String, Tally>>> pages, long newPosition) {
    return view.commit(pages, newPosition);
  }
}
