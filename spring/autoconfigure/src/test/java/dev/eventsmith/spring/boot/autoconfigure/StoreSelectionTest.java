package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.dcb.InMemoryTaggedEventStore;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which store the starter picks, with the auto-configurations in the order Spring Boot sorts them. */
class StoreSelectionTest {

  @TempDir
  Path folder;

  private final ApplicationContextRunner context = TickModel.running();

  @Test
  void withoutADataSourceTheStoreIsTheSqliteFile() {
    Path file = folder.resolve("data/events.db");
    context.withPropertyValues("eventsmith.sqlite.path=" + file).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(EventStore.class)).isInstanceOf(SqliteEventStore.class);
      assertThat(app.getBean(StoreDescription.class).type()).isEqualTo("sqlite");
      assertThat(app.getBean(DeadlineStore.class)).isInstanceOf(SqliteDeadlineStore.class);
      assertThat(file).exists();
      assertThat(app).hasSingleBean(CommandBus.class);
    });
  }

  @Test
  void inMemoryWhenAsked() {
    context.withPropertyValues("eventsmith.store.type=in-memory").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(EventStore.class)).isInstanceOf(InMemoryTaggedEventStore.class);
      assertThat(app.getBean(StoreDescription.class).type()).isEqualTo("in-memory");
      assertThat(app.getBean(DeadlineStore.class)).isInstanceOf(InMemoryDeadlineStore.class);
    });
  }

  @Test
  void anApplicationsOwnStoreWins() {
    InMemoryEventStore own = new InMemoryEventStore();
    context.withBean(EventStore.class, () -> own).withPropertyValues("eventsmith.sqlite.path=" + folder.resolve("x.db"))
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(EventStore.class)).isSameAs(own);
          assertThat(folder.resolve("x.db")).doesNotExist();
        });
  }

  @Test
  void noStoreOnTheClassPathFailsSayingWhatToAdd() {
    context.withClassLoader(new FilteredClassLoader("dev.eventsmith.store.sqlite", "org.postgresql"))
        .run(app -> {
          assertThat(app).hasFailed();
          assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("Eventsmith found no event store")
              .hasMessageContaining("eventsmith-store-sqlite");
        });
  }

  @Test
  void postgresAskedForWithoutADataSourceSaysSo() {
    context.withPropertyValues("eventsmith.store.type=postgres").run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("eventsmith.store.type=postgres needs");
    });
  }
}
