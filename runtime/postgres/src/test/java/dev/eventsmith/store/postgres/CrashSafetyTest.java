package dev.eventsmith.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM appending to PostgreSQL in a loop is killed with SIGKILL; the database must then hold every
 * append it acknowledged and no append in part (the server rolls back what the dead client left open).
 */
class CrashSafetyTest {

  private static final int ACKS_BEFORE_KILL = 200;

  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedAppendSurvivesSigkillAndNoneIsPartlyWritten() throws Exception {
    try (HikariDataSource pool = TestPostgres.freshSchema()) {
      String schema = pool.getSchema();
      PostgresEventStore.open(pool).close();
      List<String> acks = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        acks.addAll(appendUntilKilled(schema, run * 1_000_000L));
        awaitNoWritingTransactions(pool);
        verify(PostgresEventStore.open(pool), acks);
      }
    }
  }

  private List<String> appendUntilKilled(String schema, long firstBatch) throws Exception {
    Path errors = directory.resolve("child-stderr-" + firstBatch + ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AppendingChild.class.getName(), TestPostgres.jdbcUrl(), schema, Long.toString(firstBatch))
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

  /** The server notices the dead client a moment later; until then its open transactions hold back the log. */
  private static void awaitNoWritingTransactions(HikariDataSource pool) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = s.executeQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()")) {
          rows.next();
          if (rows.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the killed client's transactions are still open after 10 s");
  }

  private static void verify(PostgresEventStore store, List<String> acks) {
    Map<String, List<RecordedEvent>> batches = new LinkedHashMap<>();
    long after = 0;
    for (List<RecordedEvent> page; !(page = store.readAll(after, 1000)).isEmpty(); ) {
      for (RecordedEvent event : page) {
        after = event.globalPosition();
        batches.computeIfAbsent(event.metadata().get("batch"), b -> new ArrayList<>()).add(event);
      }
    }
    for (List<RecordedEvent> batch : batches.values()) {
      assertEquals(AppendingChild.EVENTS_PER_BATCH, batch.size(), () -> "a partly written append: " + batch);
      for (int i = 1; i < batch.size(); i++) {
        assertEquals(batch.get(0).stream(), batch.get(i).stream());
        assertEquals(batch.get(0).streamVersion() + i, batch.get(i).streamVersion());
        assertEquals(batch.get(0).globalPosition() + i, batch.get(i).globalPosition());
      }
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

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(no stderr: " + e + ")";
    }
  }
}
