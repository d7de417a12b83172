package dev.eventsmith.runtime.store;

import java.util.UUID;

/**
 * The in-memory store's index of event ids: an open-addressing table (linear probing) of positions
 * in the {@link EventLog}, compared by the id of the event at that position. It costs 4 bytes a slot,
 * 5 to 11 bytes an event with the table between 3/8 and 3/4 full, where a {@code HashMap} holds a
 * 32-byte node and a slot per event. Not thread-safe: the store's lock guards it.
 */
final class EventIdIndex {

  private final EventLog log;
  // Log index + 1 of the event in each slot; 0 marks an empty slot.
  private int[] slots = new int[64];
  private int size;

  EventIdIndex(EventLog log) {
    this.log = log;
  }

  /** The event with {@code id}, or null. */
  RecordedEvent find(UUID id) {
    int mask = slots.length - 1;
    for (int slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return null;
      }
      RecordedEvent event = log.get(entry - 1);
      if (event.eventId().equals(id)) {
        return event;
      }
    }
  }

  /** Indexes the event at {@code logIndex}, whose id the caller has checked is not indexed yet. */
  void add(int logIndex) {
    if (size + 1 > slots.length - (slots.length >>> 2)) {
      grow();
    }
    insert(slots, logIndex);
    size++;
  }

  private void grow() {
    if (slots.length == 1 << 30) {
      throw new IllegalStateException("the in-memory store holds at most " + (3 << 28) + " events");
    }
    int[] larger = new int[slots.length * 2];
    for (int entry : slots) {
      if (entry != 0) {
        insert(larger, entry - 1);
      }
    }
    slots = larger;
  }

  private void insert(int[] table, int logIndex) {
    int mask = table.length - 1;
    int slot = hash(log.get(logIndex).eventId()) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = logIndex + 1;
  }

  /** Spreads every bit of the id, so ids that differ only in some bits (not random, say) still scatter. */
  private static int hash(UUID id) {
    long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
    h *= 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 32));
  }
}
