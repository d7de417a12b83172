package dev.eventsmith.runtime.internal;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.Upcaster;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every generated event codec checks when it reads stored events and takes upcasters
 * written in Java: the stored schema version, the payload's fit, the steps' fit. Messages name
 * the model and the stored type so that an operator can tell which deploy wrote what.
 */
public final class CodecChecks {

  private CodecChecks() {}

  /** {@code schemaVersion} of a stored {@code storedName} is one this code can read (1 to {@code current}). */
  public static void checkVersion(String storedName, int schemaVersion, int current) {
    if (schemaVersion < 1 || schemaVersion > current) {
      throw new CodecException(storedName + " was stored at schema version " + schemaVersion
          + ", but this code knows versions 1 to " + current + ": deploy code built from the newer model");
    }
  }

  /** The exception for a stored payload that the record of {@code storedName} refused. */
  public static CodecException doesNotFit(String storedName, RuntimeException refusal) {
    return new CodecException("stored " + storedName + " does not fit the model: " + refusal.getMessage(), refusal);
  }

  /** The exception for a stored type name that no event of {@code model} has. */
  public static CodecException unknownType(String model, String type, Set<String> known) {
    return new CodecException("unknown event type '" + type + "' for model " + model + "; known types: " + known);
  }

  /** The exception for encoding an object that is no event of {@code model}. */
  public static CodecException notAnEvent(String model, Object event) {
    return new CodecException("not an event of model " + model + ": " + event.getClass().getName());
  }

  /**
   * {@code current} plus {@code steps}, keyed by type and version; a step replaces the declared
   * step of its type and version.
   *
   * @param versions the current schema version of each stored type of {@code model}
   * @throws IllegalArgumentException for a step of an unknown type, of a version the type does not
   *     have, or a second step for the same type and version
   */
  public static Map<String, Upcaster> withUpcasters(
      String model, Map<String, Upcaster> current, Map<String, Integer> versions, Upcaster... steps) {
    Map<String, Upcaster> all = new HashMap<>(current);
    for (Upcaster step : steps) {
      Integer version = versions.get(step.type());
      if (version == null) {
        throw new IllegalArgumentException("no event of model " + model + " is stored as '" + step.type()
            + "'; known types: " + versions.keySet());
      }
      if (step.fromVersion() < 1 || step.fromVersion() >= version) {
        throw new IllegalArgumentException(step + " does not fit: " + step.type() + " is at schema version "
            + version + ", so a step reads a version from 1 to " + (version - 1));
      }
      if (all.putIfAbsent(key(step.type(), step.fromVersion()), step) != null) {
        throw new IllegalArgumentException("a second upcaster for the step of " + step);
      }
    }
    return Map.copyOf(all);
  }

  /** The payload after the Java step of {@code type} from {@code fromVersion}, if one was given. */
  public static Optional<JsonValue> customStep(
      Map<String, Upcaster> upcasters, String type, int fromVersion, JsonValue json) {
    Upcaster custom = upcasters.get(key(type, fromVersion));
    if (custom == null) {
      return Optional.empty();
    }
    JsonValue result = custom.upcast(json);
    if (result == null) {
      throw new CodecException(custom + " returned null instead of the upcast payload");
    }
    return Optional.of(result);
  }

  private static String key(String type, int fromVersion) {
    return type + "@" + fromVersion;
  }
}
