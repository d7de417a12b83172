package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.spring.boot.ViewStores;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithProperties.StoreType;
import dev.eventsmith.store.postgres.PostgresCheckpointStore;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.postgres.PostgresViewStore;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * replaces all of it; its views and checkpoints are then kept in memory unless it also defines
 * {@link ViewStores} and {@link CheckpointStore} beans.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(EventsmithProperties.class)
@Import({EventsmithStoreAutoConfiguration.Postgres.class, EventsmithStoreAutoConfiguration.Sqlite.class,
    EventsmithStoreAutoConfiguration.InMemory.class, EventsmithStoreAutoConfiguration.NoStore.class,
    EventsmithStoreAutoConfiguration.InMemoryRest.class})
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
  @ConditionalOnClass(name = "dev.eventsmith.store.sqlite.SqliteEventStore")
  @Conditional(StoreTypeCondition.Sqlite.class)
  @ConditionalOnMissingBean(EventStore.class)
  static class Sqlite {

    @Bean
    SqliteEventStore eventStore(EventsmithProperties properties) {
      EventsmithProperties.Sqlite sqlite = properties.getSqlite();
      return SqliteEventStore.open(file(properties), SqliteEventStore.Sync.valueOf(sqlite.getSync().name()),
          sqlite.getAppendTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    ViewStores viewStores(EventsmithProperties properties) {
      Path file = file(properties);
      return new ViewStores() {
        @Override
        public <K, V> ViewStore<K, V> open(String name, RowCodec<K, V> rows) {
          return SqliteViewStore.open(file, name, rows);
        }
      };
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointStore checkpointStore(EventsmithProperties properties) {
      return SqliteCheckpointStore.open(file(properties));
    }

    @Bean
    StoreDescription storeDescription(SqliteEventStore store, EventsmithProperties properties) {
      return new StoreDescription("sqlite", file(properties).toString(), store::checkWritable);
    }

    private static Path file(EventsmithProperties properties) {
      Path file = properties.getSqlite().getPath().toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the folder of eventsmith.sqlite.path " + file, e);
      }
      return file;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(StoreTypeCondition.InMemory.class)
  @ConditionalOnMissingBean(EventStore.class)
  static class InMemory {

    @Bean
    InMemoryEventStore eventStore() {
      return new InMemoryEventStore();
    }

    @Bean
    StoreDescription storeDescription() {
      return new StoreDescription("in-memory", "", () -> { });
    }
  }

  /** No store matched: says why, instead of a missing bean somewhere later. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(EventStore.class)
  static class NoStore {

    @Bean
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
  }

  /** Views and checkpoints in memory, for a store that keeps none of its own (in-memory, or an application's). */
  @Configuration(proxyBeanMethods = false)
  static class InMemoryRest {

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
    StoreDescription storeDescription(EventStore store) {
      return new StoreDescription(store.getClass().getSimpleName(), "", () -> { });
    }
  }
}
