package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link CrashSafetyTest}: appends batches of three events from four threads,
 * forever, and prints one "ack" line per append only after the store acknowledged it.
 */
public final class AppendingChild {

  static final int EVENTS_PER_BATCH = 3;

  private AppendingChild() {}

  public static void main(String[] args) throws Exception {
    SqliteEventStore store = SqliteEventStore.open(Path.of(args[0]));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    // Batch numbers of each run start at their own offset, so runs on one file never share one.
    AtomicLong batches = new AtomicLong(Long.parseLong(args[1]));
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Thread writer = new Thread(() -> {
        while (true) {
          long batch = batches.incrementAndGet();
          StreamId stream = StreamId.of("Crash", batch % 7);
          List<NewEvent> events = new ArrayList<>();
          for (int i = 1; i <= EVENTS_PER_BATCH; i++) {
            events.add(new NewEvent(UUID.randomUUID(), "Appended", 1,
                (batch + "/" + i).getBytes(StandardCharsets.UTF_8), Map.of("batch", Long.toString(batch))));
          }
          AppendResult result = store.append(stream, ExpectedVersion.any(), events);
          synchronized (out) {
            out.println("ack " + batch + " " + stream + " " + result.nextExpectedVersion() + " "
                + result.firstPosition() + " " + result.lastPosition());
            out.flush();
          }
        }
      });
      writer.start();
      writers.add(writer);
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }
}
