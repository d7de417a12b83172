package dev.eventsmith.runtime.codec;

import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which stored event types a runner (a projection, an automation) reads: its codec's; which it
 * skips: those named on purpose, another model's sharing the store; and that it stops at every
 * other, rather than lose an event written by a newer deploy or under a changed name.
 */
public final class EventTypes {

  private final Set<String> known;
  private final Set<String> skipped;
  private final String reader;
  private final String skipOption;

  /**
   * @param reader what reads, for the message: "the projection CartSummaryProjection", say
   * @param skipOption how its user names types to skip: "ProjectionRunner.skippingTypes(...)", say
   */
  public EventTypes(EventCodec codec, String reader, String skipOption) {
    this(Set.copyOf(codec.types()), Set.of(), reader, skipOption);
  }

  private EventTypes(Set<String> known, Set<String> skipped, String reader, String skipOption) {
    this.known = known;
    this.skipped = skipped;
    this.reader = reader;
    this.skipOption = skipOption;
  }

  /**
   * These types and {@code types} more to skip.
   *
   * @throws IllegalArgumentException if one of them is a type the codec knows
   */
  public EventTypes skipping(Collection<String> types) {
    Set<String> more = new HashSet<>(skipped);
    for (String type : types) {
      if (known.contains(type)) {
        throw new IllegalArgumentException("'" + type + "' is a type of " + reader + "'s own model; a runner skips "
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
  public boolean shouldRead(RecordedEvent recorded) {
    if (known.contains(recorded.type())) {
      return true;
    }
    if (skipped.contains(recorded.type())) {
      return false;
    }
    throw new UnknownEventTypeException(recorded, reader, skipOption);
  }
}
