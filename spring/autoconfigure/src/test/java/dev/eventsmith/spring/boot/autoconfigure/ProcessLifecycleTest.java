package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.codec.CommandCodec;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.model.AggregateDescriptor;
import dev.eventsmith.runtime.model.AutomationDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.spring.boot.Automations;
import dev.eventsmith.spring.boot.RunningAutomation;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import dev.eventsmith.store.sqlite.SqliteDeadlineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A {@link Workflow} bean is a process the starter runs like an automation: on the store it chose
 * (here the SQLite file), with its deadlines in that store's deadline table, fired on its own
 * thread, and stopped with the context; a restart goes on from its stored checkpoint.
 */
class ProcessLifecycleTest {

  @TempDir
  Path folder;

  private final List<String> fired = new CopyOnWriteArrayList<>();
  private final CountDownLatch rang = new CountDownLatch(1);

  /** One instance, started by tick 1, which schedules "ring" due at once; its state is the last tick seen. */
  private final Workflow<Integer> alarm = ringing("ring", Duration.ZERO, fired, rang);

  /**
   * A process of one instance, started by tick 1, which schedules {@code deadline} due {@code after}
   * then and notes in {@code fired} when it fires; its state is the last tick seen.
   */
  private static Workflow<Integer> ringing(String deadline, Duration after, List<String> fired, CountDownLatch rang) {
    return new Workflow<>() {
      @Override
      public Optional<String> keyOf(Event event) {
        return Optional.of("all");
      }

      @Override
      public boolean starts(Event event) {
        return ((TickModel.Ticked) event).n() == 1;
      }

      @Override
      public Integer initialState(String key) {
        return 0;
      }

      @Override
      public Integer evolve(Integer state, Event event) {
        return ((TickModel.Ticked) event).n();
      }

      @Override
      public boolean ended(Integer state) {
        return false;
      }

      @Override
      public Reaction react(Integer state, Event event, Instant now) {
        return state == 1 ? Reaction.none().andSchedule(deadline, after) : Reaction.none();
      }

      @Override
      public Reaction onDeadline(Integer state, String name, Instant now) {
        fired.add(name);
        rang.countDown();
        return Reaction.none();
      }

      @Override
      public Reaction onRejected(Integer state, Command command, Rejection rejection) {
        return Reaction.none();
      }
    };
  }

  private ApplicationContextRunner service(Path file) {
    return TickModel.running()
        .withBean("alarm", Workflow.class, () -> alarm)
        .withPropertyValues("eventsmith.sqlite.path=" + file, "eventsmith.automations.poll-interval=50ms");
  }

  @Test
  void aWorkflowBeanRunsOnTheChosenStoreFiresItsDeadlinesAndStopsWithTheContext() throws Exception {
    Path file = folder.resolve("events.db");
    service(file).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(DeadlineStore.class)).isInstanceOf(SqliteDeadlineStore.class);
      RunningAutomation process = process(app.getBean(Automations.class));
      assertThat(process.isRunning()).isTrue();
      assertThat(threads()).contains("eventsmith-automation alarm");

      app.getBean(EventStore.class).append(TickModel.STREAM, ExpectedVersion.noStream(), TickModel.ticks(1, 3));
      assertThat(rang.await(30, TimeUnit.SECONDS)).as("the deadline fired").isTrue();
      waitFor(() -> process.checkpoint() == 3);
    });
    assertThat(threads()).as("the process's thread ended with the context").doesNotContain(
        "eventsmith-automation alarm");
    assertThat(fired).containsExactly("ring");
    try (SqliteDeadlineStore deadlines = SqliteDeadlineStore.open(file)) {
      assertThat(deadlines.scheduled("alarm:all")).as("the fired deadline was completed").isEmpty();
    }

    service(file).run(app -> {
      assertThat(app).hasNotFailed();
      RunningAutomation process = process(app.getBean(Automations.class));
      assertThat(process.checkpoint()).as("the restart goes on from the stored checkpoint").isEqualTo(3);
      app.getBean(EventStore.class).append(TickModel.STREAM, ExpectedVersion.any(), TickModel.ticks(4, 4));
      waitFor(() -> process.checkpoint() == 4);
      assertThat(process.failure()).isEmpty();
    });
    assertThat(fired).as("nothing fired twice").containsExactly("ring");
  }

  /**
   * Two processes share the deadline store: whichever thread claims a deadline hands it to the
   * process that owns it, so both fire once and neither thread stops (a thread that fired another
   * process's deadline itself used to stop with "is not of the process").
   */
  @Test
  void twoWorkflowBeansEachFireTheirOwnDeadlinesWhicheverThreadClaimsThem() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    List<String> heard = new CopyOnWriteArrayList<>();
    // Due a second after tick 1: by then both are scheduled, so the first thread to claim takes both.
    TickModel.running()
        .withBean("alarm", Workflow.class, () -> ringing("alarm-ring", Duration.ofSeconds(1), heard, both))
        .withBean("bell", Workflow.class, () -> ringing("bell-ring", Duration.ofSeconds(1), heard, both))
        .withPropertyValues("eventsmith.sqlite.path=" + folder.resolve("two.db"),
            "eventsmith.automations.poll-interval=50ms")
        .run(app -> {
          assertThat(app).hasNotFailed();
          app.getBean(EventStore.class).append(TickModel.STREAM, ExpectedVersion.noStream(), TickModel.ticks(1, 2));
          assertThat(both.await(30, TimeUnit.SECONDS)).as("both deadlines fired: " + heard).isTrue();
          Automations automations = app.getBean(Automations.class);
          app.getBean(EventStore.class).append(TickModel.STREAM, ExpectedVersion.any(), TickModel.ticks(3, 3));
          for (String name : List.of("alarm", "bell")) {
            RunningAutomation process = automations.all().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow();
            waitFor(() -> process.checkpoint() == 3);
            assertThat(process.failure()).as(name + " still runs").isEmpty();
            assertThat(process.isRunning()).isTrue();
          }
        });
    assertThat(heard).containsExactlyInAnyOrder("alarm-ring", "bell-ring");
  }

  @Test
  void aWorkflowBeanWhoseNameHoldsAColonIsRefused() {
    TickModel.running()
        .withBean("alarm:v2", Workflow.class, () -> alarm)
        .withPropertyValues("eventsmith.sqlite.path=" + folder.resolve("colon.db"))
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("the Workflow bean 'alarm:v2' has ':' in its name"));
  }

  /** Deadlines in memory beside durable checkpoints would be lost at a restart: the starter refuses it. */
  @Test
  void processesRefuseDeadlinesInMemoryBesideDurableCheckpoints() {
    TickModel.running()
        .withBean(EventStore.class, InMemoryEventStore::new)
        .withBean(CheckpointStore.class, () -> SqliteCheckpointStore.open(folder.resolve("checkpoints.db")))
        .withBean("alarm", Workflow.class, () -> alarm)
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("would keep their checkpoints in SqliteCheckpointStore but their deadlines in memory"));
  }

  /** Two models storing one event type cannot share a store: a process following both is refused. */
  @Test
  void processesRefuseTwoModelsThatStoreOneEventType() {
    ModelDescriptor tock = new ModelDescriptor() {
      @Override
      public String name() {
        return "Tock";
      }

      @Override
      public EventCodec events() {
        return TickModel.INSTANCE.events();
      }

      @Override
      public CommandCodec commands() {
        return TickModel.INSTANCE.commands();
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
        return TickModel.INSTANCE.openApi();
      }
    };
    service(folder.resolve("two-models.db"))
        .withBean("tock", ModelDescriptor.class, () -> tock)
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("both store events of type Ticked"));
  }

  private static RunningAutomation process(Automations automations) {
    return automations.all().stream().filter(a -> a.name().equals("alarm")).findFirst()
        .orElseThrow(() -> new AssertionError("no process alarm among " + automations.all()));
  }

  /** Waits for what a runner thread does; the deadline only keeps a broken build from hanging. */
  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static List<String> threads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
  }
}
