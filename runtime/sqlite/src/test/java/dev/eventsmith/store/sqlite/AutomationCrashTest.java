package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.AutomationCrashContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** An automation runner, then a process runner, on an SQLite file,
 * killed with SIGKILL at random points: each command in effect once. */
class AutomationCrashTest extends AutomationCrashContract {

  @TempDir
  Path directory;

  private Path file() {
    return directory.resolve("app.db");
  }

  @Override
  protected EventStore openEvents() {
    return SqliteEventStore.open(file());
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return SqliteCheckpointStore.open(file());
  }

  @Override
  protected DeadlineStore openDeadlines() {
    return SqliteDeadlineStore.open(file());
  }

  @Override
  protected Process startChild(String mode, int run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AutomationChild.class.getName(), mode, file().toString())
        .redirectError(directory.resolve(mode + "-stderr-" + run + ".txt").toFile())
        .start();
  }
}
