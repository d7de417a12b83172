package dev.eventsmith.runtime.segment;

import java.nio.charset.StandardCharsets;

/**
 * The hash that places a key in a segment: 32-bit FNV-1a over the key's UTF-8 bytes, read as an
 * unsigned number. It is fixed forever (changing it would move every key to another segment) and
 * easy to compute in any language or in SQL, so other tools can tell which segment a key is in:
 *
 * <pre>
 * hash = 0x811c9dc5
 * for each byte b of utf8(key): hash = ((hash xor b) * 0x01000193) mod 2^32
 * segment of key, of n segments = hash mod n
 * </pre>
 *
 * <p>Known values: {@code ""} → {@code 0x811c9dc5}, {@code "a"} → {@code 0xe40c292c},
 * {@code "foobar"} → {@code 0xbf9cf968}.
 */
public final class KeyHash {

  private static final int OFFSET_BASIS = 0x811c9dc5;
  private static final int PRIME = 0x01000193;

  private KeyHash() {}

  /** The key's hash, an unsigned 32-bit number in a long (0 to 2^32 - 1). */
  public static long of(String key) {
    int hash = OFFSET_BASIS;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return Integer.toUnsignedLong(hash);
  }
}
