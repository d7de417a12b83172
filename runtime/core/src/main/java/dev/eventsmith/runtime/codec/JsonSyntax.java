package dev.eventsmith.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The one Jackson factory behind {@link JsonWriter} and {@link JsonValue}. */
final class JsonSyntax {

  // Plain decimals: 1E+3 in a payload would be read back fine, but people read stored events too.
  // Duplicate names are refused both ways: a stored payload with two "price" fields is ambiguous.
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private JsonSyntax() {}
}
