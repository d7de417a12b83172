package dev.eventsmith.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event metadata as a flat JSON object of strings: the form relational stores keep it in, shared
 * so that every store writes the same metadata as the same text.
 */
public final class MetadataJson {

  private static final JsonFactory JSON = new JsonFactory();

  private MetadataJson() {}

  public static String write(Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return "{}";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      // Sorted, so the same metadata is always stored as the same text.
      for (Map.Entry<String, String> pair : new TreeMap<>(metadata).entrySet()) {
        json.writeStringField(pair.getKey(), pair.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Reads what {@link #write} wrote; throws IOException for anything else. */
  public static Map<String, String> read(String text) throws IOException {
    Map<String, String> metadata = new HashMap<>();
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("metadata is not a JSON object: " + text);
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String key = json.currentName();
        if (json.nextToken() != JsonToken.VALUE_STRING) {
          throw new IOException("metadata value of '" + key + "' is not a string: " + text);
        }
        metadata.put(key, json.getText());
      }
    }
    return metadata;
  }
}
