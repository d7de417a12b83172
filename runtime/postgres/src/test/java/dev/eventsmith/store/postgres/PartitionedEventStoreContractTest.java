package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.store.contract.EventStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The whole event store contract on a partitioned events table whose partitions hold 8 transactions each. */
class PartitionedEventStoreContractTest extends EventStoreContract {

  private HikariDataSource pool;

  @Override
  protected EventStore newStore() {
    pool = TestPostgres.freshSchema();
    PostgresEventStore store = PostgresEventStore.open(pool);
    PostgresLogPartitions partitions = PostgresLogPartitions.open(pool).withTransactionsPerPartition(8);
    partitions.partition();
    partitions.extend(12);
    return store;
  }

  @AfterEach
  void closePool() {
    pool.close();
  }
}
