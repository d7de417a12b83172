package dev.eventsmith.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable JSON value read from a stored payload, for generated codecs and upcasters. Every
 * accessor that finds something else than asked throws a {@link CodecException} naming the value's
 * path ({@code $.items[2].price}) and what it found.
 *
 * <p>Numbers are kept as the {@link BigDecimal} of their text, so no digit is lost to a double.
 * Equality is structural and ignores paths; numbers are equal when numerically equal.
 */
public final class JsonValue {

  private enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  private static final JsonValue NULL = new JsonValue(Kind.NULL, null, JsonPath.ROOT);
  private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private final Kind kind;
  private final Object payload;
  private final JsonPath path;

  private JsonValue(Kind kind, Object payload, JsonPath path) {
    this.kind = kind;
    this.payload = payload;
    this.path = path;
  }

  // ---- construction

  /** Parses UTF-8 JSON; a malformed payload gives a {@link CodecException} with the reason. */
  public static JsonValue parse(byte[] data) {
    return JsonTreeReader.read(Objects.requireNonNull(data, "data"));
  }

  /**
   * Parses UTF-8 JSON read back from an event store, for generated codecs: the same syntax and
   * checks as {@link #parse} (duplicate names are refused too), but error locations do not quote
   * the payload, since the message names the stored event instead.
   */
  public static JsonValue parseStored(byte[] data) {
    return JsonTreeReader.readStored(Objects.requireNonNull(data, "data"));
  }

  public static JsonValue ofString(String value) {
    return new JsonValue(Kind.STRING, Objects.requireNonNull(value, "value"), JsonPath.ROOT);
  }

  public static JsonValue ofNumber(BigDecimal value) {
    return new JsonValue(Kind.NUMBER, Objects.requireNonNull(value, "value"), JsonPath.ROOT);
  }

  public static JsonValue ofNumber(long value) {
    return ofNumber(BigDecimal.valueOf(value));
  }

  public static JsonValue ofBoolean(boolean value) {
    return new JsonValue(Kind.BOOLEAN, value, JsonPath.ROOT);
  }

  public static JsonValue ofNull() {
    return NULL;
  }

  public static JsonValue ofArray(List<JsonValue> elements) {
    return new JsonValue(Kind.ARRAY, List.copyOf(elements), JsonPath.ROOT);
  }

  /** An object with {@code fields} in the map's iteration order. */
  public static JsonValue ofObject(Map<String, JsonValue> fields) {
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    fields.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name)));
    return object(copy, JsonPath.ROOT);
  }

  static JsonValue object(Map<String, JsonValue> fields, JsonPath path) {
    return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(fields), path);
  }

  /** An object the reader built: its fields are unmodifiable already. */
  static JsonValue parsedObject(JsonFields fields, JsonPath path) {
    return new JsonValue(Kind.OBJECT, fields, path);
  }

  static JsonValue array(List<JsonValue> elements, JsonPath path) {
    return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(elements), path);
  }

  static JsonValue scalar(Object value, JsonPath path) {
    if (value == null) {
      return new JsonValue(Kind.NULL, null, path);
    }
    Kind kind = value instanceof String ? Kind.STRING : value instanceof BigDecimal ? Kind.NUMBER : Kind.BOOLEAN;
    return new JsonValue(kind, value, path);
  }

  // ---- navigation

  /** The value of field {@code name}; a {@link CodecException} if it is missing or null. */
  public JsonValue get(String name) {
    JsonValue value = fields().get(name);
    if (value == null) {
      throw fail(path.field(name), "missing");
    }
    if (value.kind == Kind.NULL) {
      throw fail(path.field(name), "null, but a value is required");
    }
    return value.placedAt(path, name);
  }

  /** The value of field {@code name}, or empty if it is missing or null. */
  public Optional<JsonValue> find(String name) {
    JsonValue value = fields().get(name);
    if (value == null || value.kind == Kind.NULL) {
      return Optional.empty();
    }
    return Optional.of(value.placedAt(path, name));
  }

  /** Whether this object has field {@code name}, even if its value is null. */
  public boolean has(String name) {
    return fields().containsKey(name);
  }

  /** The names of this object's fields, in order. */
  public Set<String> names() {
    return fields().keySet();
  }

  /** The elements of this array, in order. */
  public List<JsonValue> elements() {
    @SuppressWarnings("unchecked")
    List<JsonValue> elements = (List<JsonValue>) expect(Kind.ARRAY, "an array");
    for (int i = 0; i < elements.size(); i++) {
      if (!elements.get(i).path.isElement(path, i)) {
        return reparented(elements);
      }
    }
    return elements;
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** Where this value is in its payload, like {@code $.items[2].sku}. */
  public String path() {
    return path.toString();
  }

  // ---- typed accessors

  public String string() {
    return (String) expect(Kind.STRING, "a string");
  }

  public int int32() {
    BigDecimal number = integral("an int");
    if (number.compareTo(MIN_INT) < 0 || number.compareTo(MAX_INT) > 0) {
      throw fail(path, "expected an int (32-bit), but " + shown(number) + " is out of range");
    }
    return number.intValue();
  }

  public long int64() {
    BigDecimal number = integral("a long");
    if (number.compareTo(MIN_LONG) < 0 || number.compareTo(MAX_LONG) > 0) {
      throw fail(path, "expected a long (64-bit), but " + shown(number) + " is out of range");
    }
    return number.longValue();
  }

  /** The number exactly as written, scale included. */
  public BigDecimal decimal() {
    return (BigDecimal) expect(Kind.NUMBER, "a number");
  }

  public boolean bool() {
    return (Boolean) expect(Kind.BOOLEAN, "a boolean");
  }

  /** A UUID in its canonical 36-character form. */
  public UUID uuid() {
    String text = (String) expect(Kind.STRING, "a UUID string");
    // UUID.fromString accepts short forms like "1-2-3-4-5"; stored ids are always canonical.
    if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
      throw fail(path, "expected a UUID, but found " + describe());
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw fail(path, "expected a UUID, but found " + describe());
    }
  }

  /** An ISO-8601 instant such as {@code 2026-01-31T09:15:00Z}. */
  public Instant instant() {
    String text = (String) expect(Kind.STRING, "an ISO-8601 instant string");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw fail(path, "expected an ISO-8601 instant like 2026-01-31T09:15:00Z, but found " + describe());
    }
  }

  /** An ISO-8601 date such as {@code 2026-01-31}. */
  public LocalDate date() {
    String text = (String) expect(Kind.STRING, "an ISO-8601 date string");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw fail(path, "expected an ISO-8601 date like 2026-01-31, but found " + describe());
    }
  }

  // ---- changes, for upcasters

  /** This object with field {@code name} set to {@code value}: replaced in place, or added last. */
  public JsonValue with(String name, JsonValue value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, JsonValue> copy = new LinkedHashMap<>(fields());
    copy.put(name, value);
    return object(copy, path);
  }

  /** This object without field {@code name} (unchanged if it has none). */
  public JsonValue without(String name) {
    if (!has(name)) {
      return this;
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(fields());
    copy.remove(name);
    return object(copy, path);
  }

  /**
   * This object with field {@code from} renamed to {@code to}, at the same place. Unchanged if
   * there is no {@code from}; a {@link CodecException} if both exist, since one would be lost.
   */
  public JsonValue renamed(String from, String to) {
    Objects.requireNonNull(to, "to");
    if (!has(from)) {
      return this;
    }
    if (has(to) && !from.equals(to)) {
      throw fail(path, "cannot rename field '" + from + "' to '" + to + "': both are present");
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    fields().forEach((name, value) -> copy.put(name.equals(from) ? to : name, value));
    return object(copy, path);
  }

  // ---- output

  /** This value as compact UTF-8 JSON, fields in order. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator generator = JsonSyntax.FACTORY.createGenerator(out)) {
      writeTo(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  void writeTo(JsonGenerator generator) throws IOException {
    switch (kind) {
      case OBJECT:
        generator.writeStartObject();
        for (Map.Entry<String, JsonValue> field : fields().entrySet()) {
          generator.writeFieldName(field.getKey());
          field.getValue().writeTo(generator);
        }
        generator.writeEndObject();
        break;
      case ARRAY:
        generator.writeStartArray();
        for (JsonValue element : elementList()) {
          element.writeTo(generator);
        }
        generator.writeEndArray();
        break;
      case STRING:
        generator.writeString((String) payload);
        break;
      case NUMBER:
        generator.writeNumber((BigDecimal) payload);
        break;
      case BOOLEAN:
        generator.writeBoolean((Boolean) payload);
        break;
      default:
        generator.writeNull();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonValue)) {
      return false;
    }
    JsonValue other = (JsonValue) o;
    if (kind != other.kind) {
      return false;
    }
    if (kind == Kind.NUMBER) {
      return ((BigDecimal) payload).compareTo((BigDecimal) other.payload) == 0;
    }
    return Objects.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return kind == Kind.NUMBER ? ((BigDecimal) payload).stripTrailingZeros().hashCode() : Objects.hashCode(payload);
  }

  /** Compact JSON text. */
  @Override
  public String toString() {
    return new String(toBytes(), StandardCharsets.UTF_8);
  }

  // ---- internals

  @SuppressWarnings("unchecked")
  private Map<String, JsonValue> fields() {
    return (Map<String, JsonValue>) expect(Kind.OBJECT, "an object");
  }

  @SuppressWarnings("unchecked")
  private List<JsonValue> elementList() {
    return (List<JsonValue>) payload;
  }

  /** This value as field {@code name} of {@code parent}; values added or moved by an upcaster get their path here. */
  private JsonValue placedAt(JsonPath parent, String name) {
    return path.isField(parent, name) ? this : new JsonValue(kind, payload, parent.field(name));
  }

  private List<JsonValue> reparented(List<JsonValue> elements) {
    List<JsonValue> placed = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      JsonValue element = elements.get(i);
      placed.add(new JsonValue(element.kind, element.payload, path.element(i)));
    }
    return Collections.unmodifiableList(placed);
  }

  private Object expect(Kind expected, String what) {
    if (kind != expected) {
      throw fail(path, "expected " + what + ", but found " + describe());
    }
    return payload;
  }

  private BigDecimal integral(String what) {
    BigDecimal number = (BigDecimal) expect(Kind.NUMBER, what);
    // A scale of 0 or less is a whole number; only a positive scale can hide a fraction (1.50).
    if (number.scale() > 0 && number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw fail(path, "expected " + what + ", but found the fraction " + shown(number));
    }
    return number;
  }

  private String describe() {
    switch (kind) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        String text = (String) payload;
        return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      case NUMBER:
        return "the number " + shown((BigDecimal) payload);
      case BOOLEAN:
        return "the boolean " + payload;
      default:
        return "null";
    }
  }

  /** Plain digits unless that would be huge (a stored 1e999999 must not make a huge message). */
  private static String shown(BigDecimal number) {
    return Math.abs(number.scale()) > 40 ? number.toString() : number.toPlainString();
  }

  private static CodecException fail(JsonPath path, String problem) {
    return new CodecException(path + ": " + problem);
  }
}
