package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.store.contract.DeadlineStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Deadlines in the events' PostgreSQL database. */
class PostgresDeadlineStoreContractTest extends DeadlineStoreContract {

  private final HikariDataSource pool = TestPostgres.freshSchema();

  @Override
  protected DeadlineStore openDeadlines() {
    return PostgresDeadlineStore.open(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
