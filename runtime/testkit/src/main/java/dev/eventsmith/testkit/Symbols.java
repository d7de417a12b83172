package dev.eventsmith.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The values of a spec's {@code $name} symbols: the same name gives the same value in every run
 * and on every machine, and a value it gave renders back as {@code $name} in failure messages.
 * One instance per spec; not thread-safe.
 */
public final class Symbols {

  private final Map<Object, String> names = new HashMap<>();

  /** A name-based UUID (version 3) of {@code "eventsmith:" + name}. */
  public UUID uuid(String name) {
    return remember(stableUuid(name), name);
  }

  /** The name itself: a symbolic string stands for its own text. */
  public String string(String name) {
    return remember(name, name);
  }

  /** A non-negative int derived from the name's UUID. */
  public int int32(String name) {
    return remember((int) (stableUuid(name).getMostSignificantBits() >>> 33), name);
  }

  /** A non-negative long derived from the name's UUID. */
  public long int64(String name) {
    return remember(stableUuid(name).getMostSignificantBits() >>> 1, name);
  }

  /** {@code $name} if this instance produced {@code value} for {@code name}. */
  public Optional<String> symbolFor(Object value) {
    return Optional.ofNullable(names.get(value)).map(name -> "$" + name);
  }

  private static UUID stableUuid(String name) {
    return UUID.nameUUIDFromBytes(("eventsmith:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private <T> T remember(T value, String name) {
    names.putIfAbsent(value, name);
    return value;
  }
}
