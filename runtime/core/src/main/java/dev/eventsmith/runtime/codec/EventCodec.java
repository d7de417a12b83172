package dev.eventsmith.runtime.codec;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.Set;

/**
 * Turns the events of one model into their stored form and back, without reflection. Generated
 * per model; decoding an older schema version upcasts it to the current record.
 */
public interface EventCodec {

  /** Encodes {@code event} at its current schema version. */
  EncodedEvent encode(Event event);

  /**
   * Decodes a stored event of type {@code type} written at {@code schemaVersion}.
   *
   * @throws CodecException if the type is unknown, the version is newer than this code knows, or
   *     the payload does not fit the type
   */
  Event decode(String type, int schemaVersion, byte[] data);

  /**
   * Decodes an event read from a store. A failure names where the event is stored, since the
   * person fixing it needs to find that event.
   *
   * @throws EventStoreException naming the stream, version and global position, caused by the
   *     codec's failure
   */
  default Event decode(RecordedEvent recorded) {
    try {
      return decode(recorded.type(), recorded.schemaVersion(), recorded.data());
    } catch (RuntimeException e) {
      throw new EventStoreException("cannot decode the " + recorded.type() + " v" + recorded.schemaVersion()
          + " event at " + recorded.location() + ": " + e.getMessage(), e);
    }
  }

  /** The stored type names this codec knows. */
  Set<String> types();

  /**
   * True if every event this codec decodes is immutable, so that a store keeping decoded events
   * ({@link dev.eventsmith.runtime.store.DecodedEvents}) may give one event object to every later
   * load. Generated codecs say true; a hand-written codec whose events can change must keep the
   * default, false, and is decoded on every load.
   */
  default boolean immutableEvents() {
    return false;
  }
}
