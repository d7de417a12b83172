package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.spring.boot.ViewStores;
import dev.eventsmith.store.postgres.PostgresCheckpointStore;
import dev.eventsmith.store.postgres.PostgresDeadlineStore;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresViewStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The store a service keeps its events, views and automation checkpoints in:
 * {@code eventsmith.store.type=auto} (the default) takes PostgreSQL when the application has one
 * DataSource and eventsmith-store-postgres is on the class path, and the SQLite file
 * {@code eventsmith.sqlite.path} otherwise. An {@link EventStore} bean of the application's own
 * replaces all of it; its views, checkpoints and deadlines are then kept in memory unless it also
 * defines {@link ViewStores}, {@link CheckpointStore} and {@link DeadlineStore} beans. SQLite and the fallbacks are separate
 * auto-configurations after this one: nested configurations are not processed in a fixed order,
 * and each of them must see whether an earlier one made the store.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(EventsmithProperties.class)
@Import({EventsmithStoreAutoConfiguration.Postgres.class, EventsmithStoreAutoConfiguration.InMemory.class})
public class EventsmithStoreAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"dev.eventsmith.store.postgres.PostgresEventStore", "org.postgresql.Driver"})
  @ConditionalOnSingleCandidate(DataSource.class)
  @Conditional(StoreTypeCondition.Postgres.class)
  @ConditionalOnMissingBean(EventStore.class)
  static class Postgres {

    @Bean
    PostgresEventStore eventStore(DataSource dataSource) {
      requirePostgres(dataSource);
      return PostgresEventStore.open(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    ViewStores viewStores(DataSource dataSource) {
      return new ViewStores() {
        @Override
        public <K, V> ViewStore<K, V> open(String name, RowCodec<K, V> rows) {
          return PostgresViewStore.open(dataSource, name, rows);
        }
      };
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointStore checkpointStore(DataSource dataSource) {
      return PostgresCheckpointStore.open(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadlineStore deadlineStore(DataSource dataSource) {
      return PostgresDeadlineStore.open(dataSource);
    }

    @Bean
    StoreDescription storeDescription(PostgresEventStore store, DataSource dataSource) {
      return new StoreDescription("postgres", url(dataSource), store::checkWritable);
    }

    /** Refuses, in words, a DataSource of another database, rather than failing on its SQL dialect. */
    private static void requirePostgres(DataSource dataSource) {
      String product;
      try (Connection connection = dataSource.getConnection()) {
        product = connection.getMetaData().getDatabaseProductName();
      } catch (SQLException e) {
        // The store's own opening reports an unreachable database, with what to check.
        return;
      }
      if (!"PostgreSQL".equals(product)) {
        throw new IllegalStateException("Eventsmith chose the PostgreSQL store because the application has a "
            + "DataSource, but it connects to " + product + ": set eventsmith.store.type=sqlite to keep events in a "
            + "SQLite file, or point spring.datasource.url at PostgreSQL");
      }
    }

    private static String url(DataSource dataSource) {
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData metadata = connection.getMetaData();
        String url = metadata.getURL();
        // Its parameters may hold a password; health and info show where the database is, not how to log in.
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
      } catch (SQLException e) {
        return "unreachable: " + e.getMessage();
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(StoreTypeCondition.InMemory.class)
  @ConditionalOnMissingBean(EventStore.class)
  static class InMemory {

    /** With tags and conditional appends, so that commands decided across streams run on it too. */
    @Bean
    InMemoryTaggedEventStore eventStore() {
      return new InMemoryTaggedEventStore();
    }

    @Bean
    StoreDescription storeDescription() {
      return new StoreDescription("in-memory", "", () -> { });
    }
  }
}
