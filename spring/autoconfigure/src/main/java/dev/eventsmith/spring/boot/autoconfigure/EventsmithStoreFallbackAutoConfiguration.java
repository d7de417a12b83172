package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.spring.boot.ViewStores;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithProperties.StoreType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * After the stores' auto-configurations: when none made an event store, a refusal that says why
 * (instead of a missing bean somewhere later); views and checkpoints in memory for a store that
 * keeps none of its own (in-memory, or an application's).
 */
@AutoConfiguration(after = {EventsmithStoreAutoConfiguration.class, EventsmithSqliteStoreAutoConfiguration.class})
@EnableConfigurationProperties(EventsmithProperties.class)
public class EventsmithStoreFallbackAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventStore eventStore(EventsmithProperties properties) {
    StoreType type = properties.getStore().getType();
    if (type == StoreType.POSTGRES) {
      throw new IllegalStateException("eventsmith.store.type=postgres needs eventsmith-store-postgres on the class "
          + "path and one DataSource bean: add spring-boot-starter-jdbc and set spring.datasource.url");
    }
    throw new IllegalStateException("Eventsmith found no event store: add eventsmith-store-sqlite (the starter brings "
        + "it) or eventsmith-store-postgres with a DataSource, set eventsmith.store.type=in-memory for tests, or "
        + "define an EventStore bean (eventsmith.store.type is " + type.name().toLowerCase().replace('_', '-') + ")");
  }

  @Bean
  @ConditionalOnMissingBean
  ViewStores viewStores() {
    return new ViewStores() {
      @Override
      public <K, V> ViewStore<K, V> open(String name, RowCodec<K, V> rows) {
        return new InMemoryViewStore<>();
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  CheckpointStore checkpointStore() {
    return new InMemoryCheckpointStore();
  }

  @Bean
  @ConditionalOnMissingBean
  DeadlineStore deadlineStore() {
    return new InMemoryDeadlineStore();
  }

  @Bean
  @ConditionalOnMissingBean
  StoreDescription storeDescription(EventStore store) {
    return new StoreDescription(store.getClass().getSimpleName(), "", () -> { });
  }
}
