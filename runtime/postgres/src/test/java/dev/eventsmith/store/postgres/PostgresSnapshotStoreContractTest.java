package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.SnapshotStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Snapshots in the events' PostgreSQL database. */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {

  private HikariDataSource pool;

  @Override
  protected EventStore newEventStore() {
    pool = TestPostgres.freshSchema();
    return PostgresEventStore.open(pool);
  }

  @Override
  protected SnapshotStore openSnapshots() {
    return PostgresSnapshotStore.open(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
