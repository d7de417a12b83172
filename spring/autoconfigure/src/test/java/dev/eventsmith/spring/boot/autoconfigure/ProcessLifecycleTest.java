package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.spring.boot.Automations;
import dev.eventsmith.spring.boot.RunningAutomation;
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
  private final Workflow<Integer> alarm = new Workflow<>() {
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
      return state == 1 ? Reaction.none().andSchedule("ring", Duration.ZERO) : Reaction.none();
    }

    @Override
    public Reaction onDeadline(Integer state, String deadline, Instant now) {
      fired.add(deadline);
      rang.countDown();
      return Reaction.none();
    }

    @Override
    public Reaction onRejected(Integer state, Command command, Rejection rejection) {
      return Reaction.none();
    }
  };

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
