package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.TaggedEventStoreContract;
import org.junit.jupiter.api.AfterEach;

/** PostgreSQL's tags and conditional appends, kept consistent by advisory locks on (type, tag) keys. */
class PostgresTaggedEventStoreContractTest extends TaggedEventStoreContract {

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
