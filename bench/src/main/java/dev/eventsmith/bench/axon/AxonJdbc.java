package dev.eventsmith.bench.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/** Axon's JDBC storage engine configured for PostgreSQL the way its reference guide recommends. */
final class AxonJdbc {

  /** Rows per query when Axon reads an aggregate's events or the global stream: Eventsmith's page size. */
  static final int BATCH_SIZE = 500;

  private AxonJdbc() {}

  static JdbcEventStorageEngine engine(ThreadBoundJdbcTransactions transactions) {
    // Fields, not getters: the aggregate (a snapshot's payload) has no getters, as aggregates rarely do.
    ObjectMapper mapper = new ObjectMapper()
        .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
        .connectionProvider(transactions)
        .transactionManager(transactions)
        .eventSerializer(serializer)
        .snapshotSerializer(serializer)
        .batchSize(BATCH_SIZE)
        .build();
    transactions.executeInTransaction(() -> engine.createSchema(PostgresEventTableFactory.INSTANCE));
    return engine;
  }
}
