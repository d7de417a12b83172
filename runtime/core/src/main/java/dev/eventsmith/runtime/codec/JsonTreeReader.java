package dev.eventsmith.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses a payload into a {@link JsonValue} tree in one pass over Jackson's token stream. */
final class JsonTreeReader {

  private JsonTreeReader() {}

  static JsonValue read(byte[] data) {
    return read(JsonSyntax.FACTORY, data);
  }

  /** Reads a payload a store gave back: the same checks, without the source in error locations. */
  static JsonValue readStored(byte[] data) {
    return read(JsonSyntax.STORED, data);
  }

  private static JsonValue read(JsonFactory factory, byte[] data) {
    try (JsonParser parser = factory.createParser(data)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new CodecException("malformed JSON: the payload is empty");
      }
      JsonValue root = value(parser, first, JsonPath.ROOT);
      if (parser.nextToken() != null) {
        throw new CodecException("malformed JSON: unexpected content after the value, at " + where(parser.currentLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new CodecException("malformed JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CodecException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static JsonValue value(JsonParser parser, JsonToken token, JsonPath path) throws IOException {
    switch (token) {
      case START_OBJECT:
        JsonFields.Builder fields = new JsonFields.Builder();
        for (JsonToken t = next(parser); t != JsonToken.END_OBJECT; t = next(parser)) {
          String name = parser.currentName();
          if (!fields.add(name, value(parser, next(parser), path.field(name)))) {
            throw new CodecException("malformed JSON at " + where(parser.currentLocation()) + ": Duplicate field '"
                + name + "'");
          }
        }
        return JsonValue.parsedObject(fields.build(), path);
      case START_ARRAY:
        List<JsonValue> elements = new ArrayList<>();
        for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
          elements.add(value(parser, t, path.element(elements.size())));
        }
        return JsonValue.array(elements, path);
      case VALUE_STRING:
        return JsonValue.scalar(parser.getText(), path);
      case VALUE_NUMBER_INT:
        return JsonValue.scalar(parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? new BigDecimal(parser.getBigIntegerValue()) : BigDecimal.valueOf(parser.getLongValue()), path);
      case VALUE_NUMBER_FLOAT:
        // From the number's characters, never through double: 0.1 stays 0.1 and 9.90 keeps its scale.
        return JsonValue.scalar(parser.getDecimalValue(), path);
      case VALUE_TRUE:
        return JsonValue.scalar(Boolean.TRUE, path);
      case VALUE_FALSE:
        return JsonValue.scalar(Boolean.FALSE, path);
      case VALUE_NULL:
        return JsonValue.scalar(null, path);
      default:
        throw new CodecException("malformed JSON: unexpected " + token + " at " + where(parser.currentLocation()));
    }
  }

  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new CodecException("malformed JSON: the payload ends inside an object or array");
    }
    return token;
  }

  private static String where(JsonLocation location) {
    return location == null ? "an unknown place" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
