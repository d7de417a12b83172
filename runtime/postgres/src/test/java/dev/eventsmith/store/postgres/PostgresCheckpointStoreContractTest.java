package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.CheckpointStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Automation checkpoints in the events' PostgreSQL database. */
class PostgresCheckpointStoreContractTest extends CheckpointStoreContract {

  private HikariDataSource pool;

  @Override
  protected EventStore newEventStore() {
    pool = TestPostgres.freshSchema();
    return PostgresEventStore.open(pool);
  }

  @Override
  protected CheckpointStore openCheckpoints() {
    return PostgresCheckpointStore.open(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
