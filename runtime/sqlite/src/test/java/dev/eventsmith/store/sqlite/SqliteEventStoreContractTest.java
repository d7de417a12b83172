package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.EventStoreContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreContractTest extends EventStoreContract {

  @TempDir
  Path directory;

  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected EventStore newStore() {
    return SqliteEventStore.open(directory.resolve("store-" + files.incrementAndGet() + ".db"));
  }
}
