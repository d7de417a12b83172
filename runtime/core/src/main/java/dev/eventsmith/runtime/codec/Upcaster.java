package dev.eventsmith.runtime.codec;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step written in Java that turns a stored payload of {@code type} at schema version
 * {@code fromVersion} into version {@code fromVersion + 1}, for changes the model's declarative
 * {@code upcast:} steps cannot say (splitting a field, computing a value). Given to a generated
 * codec with {@code withUpcasters(...)}; it replaces the declared step of the same version.
 */
public interface Upcaster {

  /** The stored type name the step applies to. */
  String type();

  /** The schema version the step reads; it produces {@code fromVersion() + 1}. */
  int fromVersion();

  /** The payload at {@code fromVersion() + 1}. */
  JsonValue upcast(JsonValue payload);

  /** An upcaster from a function. */
  static Upcaster of(String type, int fromVersion, UnaryOperator<JsonValue> step) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(step, "step");
    if (fromVersion < 1) {
      throw new IllegalArgumentException("schema versions start at 1: " + fromVersion);
    }
    return new Upcaster() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public int fromVersion() {
        return fromVersion;
      }

      @Override
      public JsonValue upcast(JsonValue payload) {
        return step.apply(payload);
      }

      @Override
      public String toString() {
        return "Upcaster[" + type + " v" + fromVersion + " -> v" + (fromVersion + 1) + "]";
      }
    };
  }
}
