package dev.eventsmith.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes one JSON object, field by field in call order, for generated codecs. Not thread-safe;
 * one writer per payload.
 */
public final class JsonWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
  private final JsonGenerator generator;
  private boolean finished;

  private JsonWriter() {
    try {
      generator = JsonSyntax.FACTORY.createGenerator(out);
      generator.writeStartObject();
    } catch (IOException e) {
      throw misuse(e);
    }
  }

  /** A writer with the root object opened. */
  public static JsonWriter object() {
    return new JsonWriter();
  }

  /** Names the next value in the current object. */
  public JsonWriter field(String name) {
    Objects.requireNonNull(name, "name");
    return write(() -> generator.writeFieldName(name));
  }

  public JsonWriter string(String value) {
    requireValue(value);
    return write(() -> generator.writeString(value));
  }

  public JsonWriter int32(int value) {
    return write(() -> generator.writeNumber(value));
  }

  public JsonWriter int64(long value) {
    return write(() -> generator.writeNumber(value));
  }

  /** Writes {@code value} as a JSON number in plain notation, keeping its scale ({@code 9.90}). */
  public JsonWriter decimal(BigDecimal value) {
    requireValue(value);
    return write(() -> generator.writeNumber(value));
  }

  public JsonWriter bool(boolean value) {
    return write(() -> generator.writeBoolean(value));
  }

  public JsonWriter uuid(UUID value) {
    requireValue(value);
    return write(() -> generator.writeString(value.toString()));
  }

  /** Writes {@code value} as an ISO-8601 string such as {@code 2026-01-31T09:15:00Z}. */
  public JsonWriter instant(Instant value) {
    requireValue(value);
    return write(() -> generator.writeString(value.toString()));
  }

  /** Writes {@code value} as an ISO-8601 string such as {@code 2026-01-31}. */
  public JsonWriter date(LocalDate value) {
    requireValue(value);
    return write(() -> generator.writeString(value.toString()));
  }

  public JsonWriter nullValue() {
    return write(generator::writeNull);
  }

  public JsonWriter startArray() {
    return write(generator::writeStartArray);
  }

  public JsonWriter endArray() {
    return write(generator::writeEndArray);
  }

  public JsonWriter startObject() {
    return write(generator::writeStartObject);
  }

  public JsonWriter endObject() {
    return write(generator::writeEndObject);
  }

  /** Closes the root object and returns the UTF-8 JSON; the writer cannot be used afterwards. */
  public byte[] toBytes() {
    write(generator::writeEndObject);
    if (!generator.getOutputContext().inRoot()) {
      throw new IllegalStateException("an array or object was left open: " + preview());
    }
    try {
      generator.close();
    } catch (IOException e) {
      throw misuse(e);
    }
    finished = true;
    return out.toByteArray();
  }

  /** Writes a parsed or upcast value, for codecs that carry a part of a payload through as is. */
  public JsonWriter value(JsonValue value) {
    requireValue(value);
    return write(() -> value.writeTo(generator));
  }

  private void requireValue(Object value) {
    if (value == null) {
      // Optional fields are written with nullValue(); a null here is a bug in the caller.
      String name = generator.getOutputContext().getCurrentName();
      throw new NullPointerException("null value for JSON field " + (name == null ? "(array element)" : name)
          + "; write absent values with nullValue()");
    }
  }

  private JsonWriter write(Step step) {
    if (finished) {
      throw new IllegalStateException("toBytes() was already called on this writer");
    }
    try {
      step.run();
    } catch (IOException e) {
      throw misuse(e);
    }
    return this;
  }

  private IllegalStateException misuse(IOException e) {
    // Writing to memory cannot fail for I/O reasons: this is a call out of order, like a value
    // without a field name. That is a bug in the caller, not bad data.
    return new IllegalStateException("invalid JSON writer call: "
        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + " after " + preview(), e);
  }

  private String preview() {
    try {
      generator.flush();
    } catch (IOException ignored) {
      // best effort: the preview is only for the message
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }
}
