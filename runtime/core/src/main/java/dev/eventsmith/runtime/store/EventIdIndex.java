package dev.eventsmith.runtime.store;

import java.util.UUID;

/**
 * The in-memory store's index of event ids: an open-addressing table (linear probing) of positions
 * in the {@link EventLog}. A slot holds the id's 32-bit hash beside the position, so a probe reads
 * the event (and compares its id) only when the hashes match, and growing never reads the log. It
 * costs 8 bytes a slot, 11 to 22 bytes an event with the table between 3/8 and 3/4 full, where a
 * {@code HashMap} holds a 32-byte node and a slot per event. Not thread-safe: the store's lock guards it.
 */
final class EventIdIndex {

  private final EventLog log;
  // Per slot: the hash in the high 32 bits, log index + 1 in the low 32 bits; 0 marks an empty slot.
  private long[] slots = new long[64];
  private int size;

  EventIdIndex(EventLog log) {
    this.log = log;
  }

  /** The event with {@code id}, or null. */
  RecordedEvent find(UUID id) {
    int hash = hash(id);
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == 0) {
        return null;
      }
      if ((int) (entry >>> 32) == hash) {
        RecordedEvent event = log.get((int) entry - 1);
        if (event.eventId().equals(id)) {
          return event;
        }
      }
    }
  }

  /** Indexes the event at {@code logIndex}, whose id the caller has checked is not indexed yet. */
  void add(int logIndex) {
    if (size + 1 > slots.length - (slots.length >>> 2)) {
      grow();
    }
    insert(slots, ((long) hash(log.get(logIndex).eventId()) << 32) | (logIndex + 1L));
    size++;
  }

  private void grow() {
    if (slots.length == 1 << 30) {
      throw new IllegalStateException("the in-memory store holds at most " + (3 << 28) + " events");
    }
    long[] larger = new long[slots.length * 2];
    for (long entry : slots) {
      if (entry != 0) {
        insert(larger, entry);
      }
    }
    slots = larger;
  }

  private static void insert(long[] table, long entry) {
    int mask = table.length - 1;
    int slot = (int) (entry >>> 32) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry;
  }

  /** Spreads every bit of the id, so ids that differ only in some bits (not random, say) still scatter. */
  static int hash(UUID id) {
    long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
    h *= 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 32));
  }
}
