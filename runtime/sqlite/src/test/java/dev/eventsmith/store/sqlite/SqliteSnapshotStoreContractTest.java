package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.SnapshotStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots in the events' own SQLite file. */
class SqliteSnapshotStoreContractTest extends SnapshotStoreContract {

  @TempDir
  Path directory;

  @Override
  protected EventStore newEventStore() {
    return SqliteEventStore.open(directory.resolve("app.db"));
  }

  @Override
  protected SnapshotStore openSnapshots() {
    return SqliteSnapshotStore.open(directory.resolve("app.db"));
  }
}
