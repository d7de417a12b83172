package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StoredText;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** An event about to be appended with its tags (text such as {@code course:c1}; possibly none). */
public record TaggedEvent(NewEvent event, Set<String> tags) {

  public TaggedEvent {
    Objects.requireNonNull(event, "event");
    tags = Collections.unmodifiableSet(new TreeSet<>(tags));
    tags.forEach(tag -> StoredText.check(Objects.requireNonNull(tag, "tag"), "a tag"));
  }
}
