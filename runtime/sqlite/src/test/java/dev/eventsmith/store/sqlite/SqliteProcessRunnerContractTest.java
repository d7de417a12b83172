package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.ProcessRunnerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A process on the events, checkpoints and deadlines of one SQLite file. */
class SqliteProcessRunnerContractTest extends ProcessRunnerContract {

  @TempDir
  Path directory;

  @Override
  protected EventStore newEventStore() {
    return SqliteEventStore.open(directory.resolve("app.db"));
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return SqliteCheckpointStore.open(directory.resolve("app.db"));
  }

  @Override
  protected DeadlineStore openDeadlines() {
    return SqliteDeadlineStore.open(directory.resolve("app.db"));
  }
}
