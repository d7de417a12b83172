package dev.eventsmith.runtime.codec;

import dev.eventsmith.runtime.Event;
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

  /** The stored type names this codec knows. */
  Set<String> types();
}
