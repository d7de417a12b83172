package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view's projection as segmented work: an event goes to the segment of the key it changes, and a
 * page's effect on a segment is the rows it changed there. A projector that changes several rows
 * with one event hands each key's change to that key's segment, the same way, one key at a time.
 */
final class ViewWork<K, V> implements SegmentWork<Map<K, V>> {

  private final EventCodec codec;
  private final Projector<K, V> projector;
  private final SegmentedViewStore<K, V> view;
  private final EventTypes types;

  ViewWork(EventCodec codec, Projector<K, V> projector, SegmentedViewStore<K, V> view, EventTypes types) {
    this.codec = codec;
    this.projector = projector;
    this.view = view;
    this.types = types;
  }

  @Override
  public Map<K, V> startPage() {
    return new LinkedHashMap<>();
  }

  @Override
  public void handle(RecordedEvent recorded, Route<Map<K, V>> route) {
    if (!types.shouldRead(recorded)) {
      return;
    }
    Event event = codec.decode(recorded);
    List<K> keys = HandWritten.call(projector, "keysOf", recorded, "an empty list to ignore the event",
        () -> projector.keysOf(event));
    for (K key : keys) {
      route.page(view.keyText(key)).ifPresent(rows -> project(rows, key, event, recorded));
    }
  }

  private void project(Map<K, V> rows, K key, Event event, RecordedEvent recorded) {
    V row = rows.get(key);
    if (row == null) {
      row = view.find(key).orElseGet(() -> HandWritten.call(projector, "initial", recorded, "a row",
          () -> projector.initial(key)));
    }
    V from = row;
    rows.put(key, HandWritten.call(projector, "project", recorded, "a row", () -> projector.project(from, event)));
  }
}
