package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.spring.boot.ViewStores;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The SQLite file store {@code eventsmith.sqlite.path}, when {@code eventsmith.store.type} is
 * {@code sqlite}, or {@code auto} and no PostgreSQL store was made before it.
 */
@AutoConfiguration(after = EventsmithStoreAutoConfiguration.class)
@ConditionalOnClass(name = "dev.eventsmith.store.sqlite.SqliteEventStore")
@Conditional(StoreTypeCondition.Sqlite.class)
@ConditionalOnMissingBean(EventStore.class)
@EnableConfigurationProperties(EventsmithProperties.class)
public class EventsmithSqliteStoreAutoConfiguration {

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
  @ConditionalOnMissingBean
  DeadlineStore deadlineStore(EventsmithProperties properties) {
    return SqliteDeadlineStore.open(file(properties));
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
