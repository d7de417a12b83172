package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.store.StoredText;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One item of a query: events of any of {@code types} (any type at all if empty) that carry every
 * one of {@code tags}. At least one tag: an event without tags never matches a query, so appends
 * without tags (aggregate streams) never take part in a decision across streams.
 */
public record QueryItem(Set<String> types, Set<String> tags) {

  public QueryItem {
    types = Collections.unmodifiableSet(new TreeSet<>(types));
    tags = Collections.unmodifiableSet(new TreeSet<>(tags));
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("a query item names at least one tag");
    }
    types.forEach(type -> StoredText.check(Objects.requireNonNull(type, "type"), "an event type name"));
    tags.forEach(tag -> StoredText.check(Objects.requireNonNull(tag, "tag"), "a tag"));
  }

  /** Events of one of {@code types} tagged with all of {@code tags}. */
  public static QueryItem of(Set<String> types, String... tags) {
    return new QueryItem(types, Set.of(tags));
  }

  /** Whether an event of {@code type} tagged with {@code eventTags} matches this item. */
  public boolean matches(String type, Set<String> eventTags) {
    return (types.isEmpty() || types.contains(type)) && eventTags.containsAll(tags);
  }
}
