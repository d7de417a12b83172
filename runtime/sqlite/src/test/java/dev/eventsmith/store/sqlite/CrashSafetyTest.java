package dev.eventsmith.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM appending in a loop is killed with SIGKILL; the file must then hold every append it
 * acknowledged, and no append (nor group-commit batch) in part. SIGKILL kills the process, not the
 * machine, so this proves atomic commits and acknowledge-after-commit; surviving a power cut rests
 * on synchronous=FULL, which no test here can cut the power to check.
 */
class CrashSafetyTest {

  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedAppendSurvivesSigkillAndNoneIsPartlyWritten() throws Exception {
    Path file = directory.resolve("crash.db");
    List<String> acks = new ArrayList<>();
    // Several kills, each run recovering the file the last one left behind.
    for (int run = 0; run < 3; run++) {
      acks.addAll(appendUntilKilled(file, run * 1_000_000L));
      verify(file, acks);
    }
  }

  private List<String> appendUntilKilled(Path file, long firstBatch) throws Exception {
    Path errors = directory.resolve("child-stderr-" + firstBatch + ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AppendingChild.class.getName(), file.toString(), Long.toString(firstBatch))
        .redirectError(errors.toFile())
        .start();
    List<String> acks = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          acks.add(line);
        }
      } catch (Exception ignored) {
        // The pipe breaks when the child dies; what was read is what was acknowledged.
      }
    });
    reader.start();

    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (acks.size() < ACKS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(child.isAlive(), () -> "the child died on its own: " + read(errors));
      assertTrue(acks.size() >= ACKS_BEFORE_KILL, () -> "the child acknowledged only " + acks.size() + " appends");
    } finally {
      // SIGKILL: the point of the test, and no child outlives a failed assertion either.
      child.destroyForcibly();
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }
    reader.join(5_000);
    return acks;
  }

  private static void verify(Path file, List<String> acks) {
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      Map<String, List<RecordedEvent>> batches = batchesInLog(store);
      for (List<RecordedEvent> batch : batches.values()) {
        assertWhole(batch);
      }
      for (String ack : acks) {
        String[] f = ack.split(" ");
        List<RecordedEvent> batch = batches.get(f[1]);
        assertNotNull(batch, () -> "acknowledged but lost: " + ack);
        assertEquals(StreamId.parse(f[2]), batch.get(0).stream(), ack);
        assertEquals(Long.parseLong(f[3]), batch.get(2).streamVersion(), ack);
        assertEquals(Long.parseLong(f[4]), batch.get(0).globalPosition(), ack);
        assertEquals(Long.parseLong(f[5]), batch.get(2).globalPosition(), ack);
      }
      assertTrue(batches.size() >= acks.size());
    }
  }

  /** The log grouped by the batch number each event carries, checking the log has no gaps on the way. */
  private static Map<String, List<RecordedEvent>> batchesInLog(SqliteEventStore store) {
    Map<String, List<RecordedEvent>> batches = new LinkedHashMap<>();
    long after = 0;
    for (List<RecordedEvent> page; !(page = store.readAll(after, 1000)).isEmpty(); ) {
      for (RecordedEvent event : page) {
        assertEquals(after + 1, event.globalPosition(), "SQLite positions have no gaps");
        after = event.globalPosition();
        batches.computeIfAbsent(event.metadata().get("batch"), b -> new ArrayList<>()).add(event);
      }
    }
    return batches;
  }

  private static void assertWhole(List<RecordedEvent> batch) {
    assertEquals(AppendingChild.EVENTS_PER_BATCH, batch.size(), () -> "a partly written append: " + batch);
    for (int i = 1; i < batch.size(); i++) {
      assertEquals(batch.get(0).stream(), batch.get(i).stream());
      assertEquals(batch.get(0).streamVersion() + i, batch.get(i).streamVersion());
      assertEquals(batch.get(0).globalPosition() + i, batch.get(i).globalPosition());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(no stderr: " + e + ")";
    }
  }
}
