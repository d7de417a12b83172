package dev.eventsmith.store.sqlite;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Event ids as stored: 16 bytes, most significant first, so reading one costs no text parsing. */
final class Uuids {

  private Uuids() {}

  static byte[] toBytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }

  static UUID fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != 16) {
      throw new IllegalArgumentException("an event id must be 16 bytes, found "
          + (bytes == null ? "none" : bytes.length));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
