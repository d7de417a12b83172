package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.codec.CommandCodec;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.model.AggregateDescriptor;
import dev.eventsmith.runtime.model.AutomationDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which store the starter picks, with the auto-configurations in the order Spring Boot sorts them. */
class StoreSelectionTest {

  @TempDir
  Path folder;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(EventsmithStoreAutoConfiguration.class,
          EventsmithSqliteStoreAutoConfiguration.class, EventsmithStoreFallbackAutoConfiguration.class,
          EventsmithAutoConfiguration.class))
      .withBean(ModelDescriptor.class, () -> EMPTY);

  @Test
  void withoutADataSourceTheStoreIsTheSqliteFile() {
    Path file = folder.resolve("data/events.db");
    context.withPropertyValues("eventsmith.sqlite.path=" + file).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(EventStore.class)).isInstanceOf(SqliteEventStore.class);
      assertThat(app.getBean(StoreDescription.class).type()).isEqualTo("sqlite");
      assertThat(file).exists();
      assertThat(app).hasSingleBean(CommandBus.class);
    });
  }

  @Test
  void inMemoryWhenAsked() {
    context.withPropertyValues("eventsmith.store.type=in-memory").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
      assertThat(app.getBean(StoreDescription.class).type()).isEqualTo("in-memory");
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

  /** A model with no aggregates, views or automations: the store is chosen all the same. */
  private static final ModelDescriptor EMPTY = new ModelDescriptor() {
    @Override
    public String name() {
      return "Empty";
    }

    @Override
    public EventCodec events() {
      return new EventCodec() {
        @Override
        public EncodedEvent encode(Event event) {
          throw new IllegalArgumentException("no events");
        }

        @Override
        public Event decode(String type, int schemaVersion, byte[] data) {
          throw new IllegalArgumentException("no events");
        }

        @Override
        public Set<String> types() {
          return Set.of();
        }
      };
    }

    @Override
    public CommandCodec commands() {
      return new CommandCodec() {
        @Override
        public Set<String> commands() {
          return Set.of();
        }

        @Override
        public Command decode(String command, byte[] json) {
          throw new IllegalArgumentException("no commands");
        }

        @Override
        public byte[] encode(Command command) {
          throw new IllegalArgumentException("no commands");
        }

        @Override
        public String rejectionName(Rejection rejection) {
          throw new IllegalArgumentException("no rejections");
        }

        @Override
        public byte[] encodeRejection(Rejection rejection) {
          throw new IllegalArgumentException("no rejections");
        }
      };
    }

    @Override
    public List<AggregateDescriptor> aggregates() {
      return List.of();
    }

    @Override
    public List<ViewDescriptor<?, ?>> views() {
      return List.of();
    }

    @Override
    public List<AutomationDescriptor> automations() {
      return List.of();
    }

    @Override
    public String openApi() {
      return "{}";
    }
  };
}
