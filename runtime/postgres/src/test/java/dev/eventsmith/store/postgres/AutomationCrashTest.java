package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.AutomationCrashContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** An automation runner, then a process runner, on PostgreSQL,
 * killed with SIGKILL at random points: each command in effect once. */
class AutomationCrashTest extends AutomationCrashContract {

  @TempDir
  Path directory;

  private final String schema = TestPostgres.newSchema();
  private final HikariDataSource pool = TestPostgres.pool(schema);

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Override
  protected EventStore openEvents() {
    return PostgresEventStore.open(pool);
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return PostgresCheckpointStore.open(pool);
  }

  @Override
  protected DeadlineStore openDeadlines() {
    return PostgresDeadlineStore.open(pool);
  }

  @Override
  protected Process startChild(String mode, int run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AutomationChild.class.getName(), mode, TestPostgres.jdbcUrl(), schema)
        .redirectError(directory.resolve(mode + "-stderr-" + run + ".txt").toFile())
        .start();
  }
}
