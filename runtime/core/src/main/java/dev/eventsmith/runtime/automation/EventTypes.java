package dev.eventsmith.runtime.automation;

import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.UnknownEventTypeException;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Which stored types a runner reads (its codec's), skips (named on purpose), or stops at (any other). */
final class EventTypes {

  private final Set<String> known;
  private final Set<String> skipped;
  private final String reader;
  private final String skipOption;

  EventTypes(EventCodec codec, String reader, String skipOption) {
    this(Set.copyOf(codec.types()), Set.of(), reader, skipOption);
  }

  private EventTypes(Set<String> known, Set<String> skipped, String reader, String skipOption) {
    this.known = known;
    this.skipped = skipped;
    this.reader = reader;
    this.skipOption = skipOption;
  }

  EventTypes skipping(Collection<String> types) {
    Set<String> more = new HashSet<>(skipped);
    for (String type : types) {
      if (known.contains(type)) {
        throw new IllegalArgumentException("'" + type + "' is a type of this runner's own model; a runner skips "
            + "only types its codec does not know");
      }
      more.add(type);
    }
    return new EventTypes(known, Set.copyOf(more), reader, skipOption);
  }

  /**
   * Whether to decode and handle {@code recorded}: yes for a known type, no for a skipped one.
   *
   * @throws UnknownEventTypeException for any other type
   */
  boolean shouldRead(RecordedEvent recorded) {
    if (known.contains(recorded.type())) {
      return true;
    }
    if (skipped.contains(recorded.type())) {
      return false;
    }
    throw new UnknownEventTypeException(recorded, reader, skipOption);
  }
}
