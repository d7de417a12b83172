package dev.eventsmith.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.spring.boot.Automations;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import dev.eventsmith.store.sqlite.SqliteViewStore;
import dev.eventsmith.store.sqlite.SqliteCheckpointStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;

/**
 * The promise of {@link Projections} and {@link Automations}: when the application context closes,
 * each live projection finishes the page it is applying and stops, each automation stops, and then
 * the store closes. On the SQLite file store the starter picks without a DataSource.
 */
class GracefulShutdownTest {

  private static final int EVENTS = 300;
  private static final int PAGE = 50;
  /** The projector holds this tick, in the third page (101 to 150), until the test lets it go. */
  private static final int HELD = 120;

  @TempDir
  Path folder;

  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch letGo = new CountDownLatch(1);
  private final AtomicInteger projected = new AtomicInteger();
  private final AtomicBoolean projectedAfterClose = new AtomicBoolean();
  private final AtomicBoolean closeReturned = new AtomicBoolean();

  private final TickModel.TickCountProjector projector = new TickModel.TickCountProjector() {
    @Override
    public Integer initial(String key) {
      return 0;
    }

    @Override
    public Optional<String> keyOf(Event event) {
      return Optional.of("all");
    }

    @Override
    public Integer project(Integer count, Event event) {
      if (closeReturned.get()) {
        projectedAfterClose.set(true);
      }
      if (((TickModel.Ticked) event).n() == HELD) {
        holding.countDown();
        try {
          letGo.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while holding a page", e);
        }
      }
      projected.incrementAndGet();
      return count + 1;
    }
  };

  private final TickModel.NoticeTicksAutomation automation = event -> List.of();

  @Test
  void closingTheContextWaitsForThePageInFlightThenStopsEveryRunnerAndClosesTheStore() throws Exception {
    Path file = folder.resolve("events.db");
    TickModel.starter()
        .withBean(TickModel.TickCountProjector.class, () -> projector)
        .withBean(TickModel.NoticeTicksAutomation.class, () -> automation)
        .withPropertyValues("eventsmith.sqlite.path=" + file, "eventsmith.projections.page-size=" + PAGE)
        .run(app -> {
          assertThat(app).hasNotFailed();
          EventStore store = app.getBean(EventStore.class);
          assertThat(store).isInstanceOf(SqliteEventStore.class);
          assertThat(runnerThreads()).contains("eventsmith-projection TickCount", "eventsmith-automation NoticeTicks");

          store.append(TickModel.STREAM, ExpectedVersion.noStream(), TickModel.ticks(1, EVENTS));
          assertThat(holding.await(30, TimeUnit.SECONDS)).as("the projector reached tick " + HELD).isTrue();

          Thread closer = new Thread(() -> {
            app.close();
            closeReturned.set(true);
          }, "test-closer");
          closer.start();
          // Wait until the close is held up by the projection, or (the bug) returned without it; the
          // deadline only keeps a broken build from hanging.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (closer.isAlive() && !stopWaitsForProjection() && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          assertThat(stopWaitsForProjection() || !closer.isAlive()).as("the close reached the projections").isTrue();
          assertThat(closeReturned).as("close returned while a page was being applied").isFalse();
          letGo.countDown();
          closer.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(closer.isAlive()).as("close returned once the page was applied").isFalse();
          assertThat(closeReturned).isTrue();

          assertThat(runnerThreads()).as("runner threads alive after close").isEmpty();
          assertThat(projectedAfterClose).as("an event was projected after close returned").isFalse();
          assertThatThrownBy(() -> store.append(TickModel.STREAM, ExpectedVersion.any(), TickModel.ticks(1, 1)))
              .as("the store is closed")
              .isInstanceOf(RuntimeException.class);
        });

    // The page in flight (101 to 150) was applied whole, and the projection stopped after it.
    try (SqliteViewStore<String, Integer> view = SqliteViewStore.open(file, "tick_count", TickModel.ROWS)) {
      long checkpoint = view.checkpoint().position();
      assertThat(checkpoint).isEqualTo(3 * PAGE);
      assertThat(view.find("all")).contains((int) checkpoint);
      assertThat(projected).hasValue((int) checkpoint);
    }
  }

  @Test
  void aStopThatOutlastsSpringsShutdownTimeoutIsStillAwaitedBeforeTheStoreCloses() throws Exception {
    Path file = folder.resolve("events.db");
    AtomicBoolean handledAfterClose = new AtomicBoolean();
    TickModel.TickCountProjector counting = TickModel.counting();
    TickModel.NoticeTicksAutomation holdingAutomation = event -> {
      if (closeReturned.get()) {
        handledAfterClose.set(true);
      }
      if (((TickModel.Ticked) event).n() == HELD) {
        holding.countDown();
        try {
          letGo.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while handling a tick", e);
        }
      }
      return List.of();
    };
    TickModel.starter()
        // Spring gives each shutdown phase 1 ms, then destroys the beans, the store among them.
        .withBean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, LifecycleProcessor.class, () -> {
          DefaultLifecycleProcessor processor = new DefaultLifecycleProcessor();
          processor.setTimeoutPerShutdownPhase(1);
          return processor;
        })
        .withBean(TickModel.TickCountProjector.class, () -> counting)
        .withBean(TickModel.NoticeTicksAutomation.class, () -> holdingAutomation)
        .withPropertyValues("eventsmith.sqlite.path=" + file)
        .run(app -> {
          assertThat(app).hasNotFailed();
          EventStore store = app.getBean(EventStore.class);
          store.append(TickModel.STREAM, ExpectedVersion.noStream(), TickModel.ticks(1, EVENTS));
          assertThat(holding.await(30, TimeUnit.SECONDS)).as("the automation reached tick " + HELD).isTrue();

          Thread closer = new Thread(() -> {
            app.close();
            closeReturned.set(true);
          }, "test-closer");
          closer.start();
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (closer.isAlive() && !destroying(closer) && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          assertThat(closeReturned).as("close returned while an automation was handling an event").isFalse();
          letGo.countDown();
          closer.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(closeReturned).isTrue();
          assertThat(runnerThreads()).as("runner threads alive after close").isEmpty();
          assertThat(handledAfterClose).as("an event was handled after close returned").isFalse();
        });
    // The automation stored its checkpoint before the store closed: at the tick it held, at least.
    try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(file)) {
      assertThat(checkpoints.read("automation:NoticeTicks").position()).isGreaterThanOrEqualTo(HELD);
    }
  }

  /** Whether {@code closer} is in the automations' destroy, waiting for them to stop. */
  private static boolean destroying(Thread closer) {
    return Arrays.stream(closer.getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals(Automations.class.getName())
            && frame.getMethodName().equals("destroy"));
  }

  /** Whether the thread that stops the projections is waiting for the projection thread to end. */
  private static boolean stopWaitsForProjection() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("eventsmith-projections-stop") && t.getState() == Thread.State.WAITING);
  }

  /** The names of the live threads the runtime starts to follow the log and to write to the file. */
  private static List<String> runnerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("eventsmith-projection ") || name.startsWith("eventsmith-automation ")
            || name.startsWith("eventsmith-segments ") || name.startsWith("eventsmith-sqlite-writer"))
        .toList();
  }
}
