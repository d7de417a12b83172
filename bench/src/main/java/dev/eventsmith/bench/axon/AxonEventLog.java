package dev.eventsmith.bench.axon;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** An Axon EmbeddedEventStore on a storage engine, with the transactions that engine needs. */
public final class AxonEventLog implements AutoCloseable {

  private final EventStorageEngine engine;
  private final TransactionManager transactions;
  private final EmbeddedEventStore store;

  private AxonEventLog(EventStorageEngine engine, TransactionManager transactions) {
    this.engine = engine;
    this.transactions = transactions;
    this.store = EmbeddedEventStore.builder().storageEngine(engine).build();
  }

  /** On Axon's InMemoryEventStorageEngine. */
  public static AxonEventLog inMemory() {
    return new AxonEventLog(new InMemoryEventStorageEngine(), NoTransactionManager.INSTANCE);
  }

  /** On Axon's JdbcEventStorageEngine in the PostgreSQL database behind {@code pool}; see {@link AxonJdbc}. */
  public static AxonEventLog jdbc(DataSource pool) {
    ThreadBoundJdbcTransactions transactions = new ThreadBoundJdbcTransactions(pool);
    return new AxonEventLog(AxonJdbc.engine(transactions), transactions);
  }

  /**
   * Appends {@code events} as {@code EventStore.publish} does outside a unit of work: at once, in a
   * transaction of their own on JDBC.
   */
  public void append(List<? extends EventMessage<?>> events) {
    store.publish(events);
  }

  public EmbeddedEventStore store() {
    return store;
  }

  EventStorageEngine engine() {
    return engine;
  }

  TransactionManager transactions() {
    return transactions;
  }

  @Override
  public void close() {
    store.shutDown();
  }
}
