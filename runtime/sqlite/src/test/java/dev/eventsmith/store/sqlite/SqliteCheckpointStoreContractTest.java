package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.CheckpointStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Automation checkpoints in the events' own SQLite file. */
class SqliteCheckpointStoreContractTest extends CheckpointStoreContract {

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
}
