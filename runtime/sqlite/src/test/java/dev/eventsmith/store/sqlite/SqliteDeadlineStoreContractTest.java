package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.store.contract.DeadlineStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Deadlines in the events' own SQLite file. */
class SqliteDeadlineStoreContractTest extends DeadlineStoreContract {

  @TempDir
  Path directory;

  @Override
  protected DeadlineStore openDeadlines() {
    return SqliteDeadlineStore.open(directory.resolve("app.db"));
  }
}
