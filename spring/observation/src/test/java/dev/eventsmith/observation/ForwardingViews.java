package dev.eventsmith.observation;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.ViewStore;
import java.util.Map;
import java.util.Optional;

/** Passes every call on; a test overrides what it interferes with. */
class ForwardingViews implements ViewStore<String, Integer> {

  private final ViewStore<String, Integer> views;

  ForwardingViews(ViewStore<String, Integer> views) {
    this.views = views;
  }

  @Override
  public Optional<Integer> find(String key) {
    return views.find(key);
  }

  @Override
  public Map<String, Integer> all() {
    return views.all();
  }

  @Override
  public Checkpoint checkpoint() {
    return views.checkpoint();
  }

  @Override
  public Checkpoint apply(Map<String, Integer> changedRows, Checkpoint expected, long newPosition) {
    return views.apply(changedRows, expected, newPosition);
  }

  @Override
  public void reset() {
    views.reset();
  }
}
