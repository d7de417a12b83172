package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.EventStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresEventStoreContractTest extends EventStoreContract {

  private HikariDataSource pool;

  @Override
  protected EventStore newStore() {
    pool = TestPostgres.freshSchema();
    return PostgresEventStore.open(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
