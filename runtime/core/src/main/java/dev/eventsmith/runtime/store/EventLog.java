package dev.eventsmith.runtime.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The in-memory store's global log: events in position order, held in chunks of a fixed size rather
 * than in one array. A log of millions never copies itself to grow (a list doubling a 40 MB array
 * needs both at once), wastes at most one part-filled chunk, and has no array large enough to be
 * a humongous object for G1. Not thread-safe: the store's lock guards it.
 */
final class EventLog {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private RecordedEvent[][] chunks = new RecordedEvent[16][];
  private int size;

  int size() {
    return size;
  }

  /** The event at {@code index}, which is its global position less one. */
  RecordedEvent get(int index) {
    return chunks[index >>> CHUNK_BITS][index & (CHUNK - 1)];
  }

  void add(RecordedEvent event) {
    int chunk = size >>> CHUNK_BITS;
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new RecordedEvent[CHUNK];
    }
    chunks[chunk][size & (CHUNK - 1)] = event;
    size++;
  }

  /** A copy of up to {@code maxCount} events from index {@code from}: later appends never show in it. */
  List<RecordedEvent> page(long from, int maxCount) {
    if (from >= size) {
      return List.of();
    }
    int start = (int) from;
    int count = (int) Math.min(size - start, (long) maxCount);
    RecordedEvent[] page = new RecordedEvent[count];
    int done = 0;
    while (done < count) {
      int index = start + done;
      int offset = index & (CHUNK - 1);
      int length = Math.min(count - done, CHUNK - offset);
      System.arraycopy(chunks[index >>> CHUNK_BITS], offset, page, done, length);
      done += length;
    }
    return Collections.unmodifiableList(Arrays.asList(page)); // List.of(array) would copy it again
  }
}
