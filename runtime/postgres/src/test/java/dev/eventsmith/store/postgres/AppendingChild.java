package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link CrashSafetyTest}: appends batches of three events from four threads,
 * forever, and prints one "ack" line per append only after the store acknowledged it.
 * Arguments: JDBC URL, schema, first batch number.
 */
public final class AppendingChild {

  static final int EVENTS_PER_BATCH = 3;

  private AppendingChild() {}

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setSchema(args[1]);
    config.setMaximumPoolSize(4);
    PostgresEventStore store = PostgresEventStore.open(new HikariDataSource(config));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    AtomicLong batches = new AtomicLong(Long.parseLong(args[2]));
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
