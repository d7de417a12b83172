package dev.eventsmith.school;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.observation.RuntimeObserver;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.RecordedEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithAutoConfiguration;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithSqliteStoreAutoConfiguration;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithStoreAutoConfiguration;
import dev.eventsmith.spring.boot.autoconfigure.EventsmithStoreFallbackAutoConfiguration;
import dev.eventsmith.store.postgres.PostgresEventStore;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter wiring a model with commands decided across streams: it refuses to start, naming the
 * command, without the command's decision bean or on a store without conditional appends; on
 * the SQLite and PostgreSQL stores its bus keeps a decision's rule under a race; observers see
 * decisions.
 */
class SchoolStartupTest {

  @TempDir
  Path folder;

  private final ApplicationContextRunner starter = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(EventsmithStoreAutoConfiguration.class,
          EventsmithSqliteStoreAutoConfiguration.class, EventsmithStoreFallbackAutoConfiguration.class,
          EventsmithAutoConfiguration.class))
      .withBean(ModelDescriptor.class, () -> SchoolModel.INSTANCE)
      .withBean(School.Courses.class)
      .withBean(School.Registering.class);

  @Test
  void aDecidedCommandWithoutItsBeanStopsTheStartNamingTheCommand() {
    starter.withBean(School.Defining.class).withPropertyValues("eventsmith.store.type=in-memory").run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).rootCause()
          .hasMessageContaining("command SubscribeStudent of model School (decided across streams)")
          .hasMessageContaining(SubscribeStudentDecision.class.getName())
          .hasMessageContaining("@Component");
    });
  }

  @Test
  void aStoreWithoutConditionalAppendsStopsTheStartNamingTheCommand() {
    starter.withBean(School.Defining.class).withBean(School.Subscribing.class)
        .withBean(EventStore.class, InMemoryEventStore::new).run(app -> {
          assertThat(app).hasFailed();
          assertThat(app.getStartupFailure()).rootCause()
              .hasMessageContaining("command DefineCourse of model School (decided across streams)")
              .hasMessageContaining("TaggedEventStore")
              .hasMessageContaining(InMemoryEventStore.class.getName());
        });
  }

  @Test
  void onSqliteSixteenSubscriptionsForTenSeatsGetExactlyTen() {
    starter.withBean(School.Defining.class).withBean(School.Subscribing.class)
        .withPropertyValues("eventsmith.store.type=sqlite", "eventsmith.sqlite.path=" + folder.resolve("school.db"),
            "eventsmith.projections.enabled=false", "eventsmith.automations.enabled=false")
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(EventStore.class)).isInstanceOf(SqliteEventStore.class);
          CommandBus bus = app.getBean(CommandBus.class);
          assertThat(bus.dispatch(new DefineCourse(new CourseId("maths"), 10)))
              .isInstanceOf(CommandResult.Accepted.class);
          assertThat(race(bus, 16)).isEqualTo(10);
          List<RecordedEvent> stream = app.getBean(EventStore.class).readStream(StreamId.of("Course", "maths"), 1, 100);
          assertThat(stream).filteredOn(e -> e.type().equals("StudentSubscribed")).hasSize(10);
        });
  }

  @Test
  void onPostgresSixteenSubscriptionsForTenSeatsGetExactlyTen() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off")
        .setServerConfig("max_connections", "100").start()) {
      DataSource database = postgres.getPostgresDatabase();
      starter.withBean(School.Defining.class).withBean(School.Subscribing.class)
          .withBean(DataSource.class, () -> database)
          .withPropertyValues("eventsmith.store.type=postgres", "eventsmith.projections.enabled=false",
              "eventsmith.automations.enabled=false")
          .run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(EventStore.class)).isInstanceOf(PostgresEventStore.class);
            CommandBus bus = app.getBean(CommandBus.class);
            assertThat(bus.dispatch(new DefineCourse(new CourseId("maths"), 10)))
                .isInstanceOf(CommandResult.Accepted.class);
            assertThat(race(bus, 16)).isEqualTo(10);
            List<RecordedEvent> stream = app.getBean(EventStore.class)
                .readStream(StreamId.of("Course", "maths"), 1, 100);
            assertThat(stream).filteredOn(e -> e.type().equals("StudentSubscribed")).hasSize(10);
          });
    }
  }

  @Test
  void observersSeeADecidedCommandItsDecisionAndItsAppend() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RuntimeObserver recording = new RuntimeObserver() {
      @Override
      public <T> T decide(String aggregate, Command command, Supplier<T> decision) {
        seen.add("decide " + command.getClass().getSimpleName() + " of " + aggregate);
        return decision.get();
      }

      @Override
      public AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
        seen.add("append " + events.size() + " to " + stream);
        return append.get();
      }
    };
    starter.withBean(School.Defining.class).withBean(School.Subscribing.class)
        .withBean(RuntimeObserver.class, () -> recording).withPropertyValues("eventsmith.store.type=in-memory")
        .run(app -> {
          assertThat(app).hasNotFailed();
          CommandBus bus = app.getBean(CommandBus.class);
          bus.dispatch(new DefineCourse(new CourseId("art"), 1));
          bus.dispatch(new SubscribeStudent(new CourseId("art"), "ann"));
          bus.dispatch(new SubscribeStudent(new CourseId("art"), "bob"));
          assertThat(seen).containsExactly("decide DefineCourse of Course", "append 1 to Course-art",
              "decide SubscribeStudent of Course", "append 1 to Course-art", "decide SubscribeStudent of Course");
        });
  }

  /**
   * Sends {@code count} subscriptions at once, each once: the starter's default attempts for
   * decisions (eventsmith.commands.decision-max-attempts) must win every race; how many were accepted.
   */
  private static int race(CommandBus bus, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CommandResult>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String student = "s" + i;
        results.add(threads.submit(() -> {
          start.await();
          return bus.dispatch(new SubscribeStudent(new CourseId("maths"), student));
        }));
      }
      start.countDown();
      int accepted = 0;
      for (Future<CommandResult> result : results) {
        accepted += result.get() instanceof CommandResult.Accepted ? 1 : 0;
      }
      return accepted;
    } finally {
      threads.shutdownNow();
    }
  }
}
