package dev.eventsmith.runtime.dcb;

import java.util.List;
import java.util.Set;

/** The events a decision depends on: those matching any of its items. */
public record EventQuery(List<QueryItem> items) {

  public EventQuery {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a query has at least one item");
    }
  }

  /** A query of the given items. */
  public static EventQuery of(QueryItem... items) {
    return new EventQuery(List.of(items));
  }

  /** Whether an event of {@code type} tagged with {@code tags} matches any item. */
  public boolean matches(String type, Set<String> tags) {
    return items.stream().anyMatch(item -> item.matches(type, tags));
  }
}
