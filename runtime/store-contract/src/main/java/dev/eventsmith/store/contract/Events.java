package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small builders and readers the contract tests share. */
final class Events {

  private Events() {}

  static NewEvent event(String type, String data) {
    return event(type, data, Map.of());
  }

  static NewEvent event(String type, String data, Map<String, String> metadata) {
    return new NewEvent(UUID.randomUUID(), type, 1, data.getBytes(StandardCharsets.UTF_8), metadata);
  }

  static List<NewEvent> events(String prefix, int count) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(event("Happened", prefix + i));
    }
    return events;
  }

  static String text(RecordedEvent event) {
    return new String(event.data(), StandardCharsets.UTF_8);
  }

  /** The whole global log, read in pages so stores with a page limit are exercised too. */
  static List<RecordedEvent> readWholeLog(EventStore store) {
    List<RecordedEvent> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<RecordedEvent> page = store.readAll(after, 97);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = page.get(page.size() - 1).globalPosition();
    }
  }
}
