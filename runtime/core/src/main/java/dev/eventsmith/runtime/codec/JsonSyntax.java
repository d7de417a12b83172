package dev.eventsmith.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The Jackson factories behind {@link JsonWriter} and {@link JsonValue}. */
final class JsonSyntax {

  // Plain decimals: 1E+3 in a payload would be read back fine, but people read stored events too.
  // Duplicate names are refused both ways: a stored payload with two "price" fields is ambiguous.
  // Reading, JsonTreeReader refuses them itself (a map put already says whether the name was there),
  // which costs nothing, where Jackson's detection keeps a set of names per object.
  // Error locations quote the source, for people fixing a request they sent.
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  // Stored payloads: the same syntax, but locations without the source (the message names the event's
  // stream, version and position instead, and payloads stay out of logs).
  static final JsonFactory STORED = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private JsonSyntax() {}
}
