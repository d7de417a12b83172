package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.ViewStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A plain view store as the one segment of a segmented view. */
final class WholeView<K, V> implements SegmentedViewStore<K, V> {

  private final String name;
  private final ViewStore<K, V> view;

  WholeView(String name, ViewStore<K, V> view) {
    this.name = name;
    this.view = Objects.requireNonNull(view, "view");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<V> find(K key) {
    return view.find(key);
  }

  @Override
  public Map<K, V> all() {
    return view.all();
  }

  @Override
  public String keyText(K key) {
    return String.valueOf(key);
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    return leases.stream().map(lease -> SegmentCheckpoint.at(Whole.check(name, lease), view.checkpoint())).toList();
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<Map<K, V>>> pages, long newPosition) {
    return pages.stream().map(page -> {
      Checkpoint next = view.apply(page.effects(), page.from().checkpoint(), newPosition);
      return SegmentCheckpoint.at(Whole.check(name, page.lease()), next);
    }).toList();
  }
}
