package dev.eventsmith.bench.limit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The limit for decoding a stored event: Jackson's streaming parser reading a payload's fields into
 * the Java values the event holds (UUID, String, BigDecimal, int), with no tree, no checks and no
 * event object. Whatever a codec adds on top (validation, records, upcasting) is measured against it.
 */
public final class JacksonDecode {

  private static final JsonFactory JSON = new JsonFactory();

  private JacksonDecode() {}

  /** Decodes one payload; the result depends on every value read, so nothing can be skipped. */
  public static long decode(byte[] data) {
    long checksum = 0;
    try (JsonParser json = JSON.createParser(data)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (value) {
          case VALUE_STRING -> checksum += field.equals("cartId")
              ? UUID.fromString(json.getText()).getLeastSignificantBits()
              : json.getText().length();
          case VALUE_NUMBER_INT -> checksum += json.getIntValue();
          case VALUE_NUMBER_FLOAT -> checksum += json.getDecimalValue().scale();
          case START_OBJECT, START_ARRAY -> json.skipChildren();
          default -> checksum++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checksum;
  }
}
