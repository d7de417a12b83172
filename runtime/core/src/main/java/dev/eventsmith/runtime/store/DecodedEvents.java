package dev.eventsmith.runtime.store;

import dev.eventsmith.runtime.Event;
import java.util.List;
import java.util.function.Function;

/**
 * A store that can keep the events it holds decoded, so that loading a stream again does not decode
 * it again. {@code decode} is both the decoder and the key: an event is kept for the decoder that
 * made it and given back only to that same decoder object (another codec, with other upcasters,
 * decodes for itself). A decoder's events are shared by every later load, so they must be immutable;
 * a generated event record is (its lists are copied, its values are records, enums and immutable
 * JDK types).
 */
public interface DecodedEvents {

  /**
   * {@code events} decoded by {@code decode}, in order: the kept ones where this store holds the
   * very {@link RecordedEvent} objects it returned and {@code decode} decoded them before, the
   * others decoded now (and kept when this store holds them). A failure of {@code decode} is
   * thrown as it is, and nothing is kept for that event.
   */
  List<Event> decoded(List<RecordedEvent> events, Function<RecordedEvent, ? extends Event> decode);
}
