package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.TaggedEventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's tags and conditional appends, checked by the writer thread in its transaction. */
class SqliteTaggedEventStoreContractTest extends TaggedEventStoreContract {

  @TempDir
  Path directory;

  @Override
  protected EventStore newStore() {
    return SqliteEventStore.open(directory.resolve("tagged.db"));
  }
}
