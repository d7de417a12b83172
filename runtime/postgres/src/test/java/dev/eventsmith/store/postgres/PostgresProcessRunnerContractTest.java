package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.ProcessRunnerContract;
import org.junit.jupiter.api.AfterEach;

/** A process on the events, checkpoints and deadlines of one PostgreSQL database. */
class PostgresProcessRunnerContractTest extends ProcessRunnerContract {

  private final HikariDataSource pool = TestPostgres.freshSchema();

  @Override
  protected EventStore newEventStore() {
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

  @AfterEach
  void closePool() {
    pool.close();
  }
}
