package dev.eventsmith.micrometer;

import dev.eventsmith.observation.AppliedPage;
import dev.eventsmith.observation.RuntimeObserver;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.DuplicateEventIdException;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Records what a running service does as Micrometer meters:
 *
 * <ul>
 *   <li>{@value #COMMANDS} (timer): each command dispatched through the bus, by {@code command}
 *       (its type's name) and {@code outcome}: {@code accepted}, {@code rejected} (with the
 *       {@code rejection}'s name), {@code conflict} (other writers still won after the last
 *       attempt, for an aggregate's command or one decided across streams) or {@code error};
 *   <li>{@value #APPENDS} (timer): each append of a command handler, by {@code aggregate} (the
 *       stream's category) and {@code outcome}: {@code appended}, {@code conflict} (the stream
 *       moved on, or for a decision across streams an event matching its query came in; the
 *       handler decides again), {@code duplicate} (a repeated command id) or
 *       {@code error};
 *   <li>{@value #PROJECTED} (counter) and {@value #PAGES} (timer): events and pages each
 *       projection applied, by {@code view};
 *   <li>with {@link #watchProjection}: {@value #LAG} (gauge, seconds), {@value #CHECKPOINT}
 *       (gauge), {@value #RETRIES} (counter) and {@value #RUNNING} (gauge, 1 or 0), by
 *       {@code view}.
 * </ul>
 */
public final class MicrometerObserver implements RuntimeObserver {

  static final String COMMANDS = "eventsmith.commands";
  static final String APPENDS = "eventsmith.appends";
  static final String PROJECTED = "eventsmith.projection.events";
  static final String PAGES = "eventsmith.projection.pages";
  static final String LAG = "eventsmith.projection.lag";
  static final String CHECKPOINT = "eventsmith.projection.checkpoint";
  static final String RETRIES = "eventsmith.projection.retries";
  static final String RUNNING = "eventsmith.projection.running";

  private static final String NONE = "none";

  private final MeterRegistry registry;
  // A function counter holds its source weakly; these hold the watched projections' for as long as we live.
  private final List<LongSupplier> counted = new CopyOnWriteArrayList<>();

  public MicrometerObserver(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public CommandResult intercept(Command command, Map<String, String> metadata, Next next) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    String rejection = NONE;
    try {
      CommandResult result = next.handle(metadata);
      if (result instanceof CommandResult.Rejected rejected) {
        outcome = "rejected";
        rejection = rejected.rejection().getClass().getSimpleName();
      } else {
        outcome = "accepted";
      }
      return result;
    } catch (WrongExpectedVersionException | AppendConditionFailedException conflict) {
      outcome = "conflict";
      throw conflict;
    } finally {
      sample.stop(Timer.builder(COMMANDS)
          .description("Commands handled, by command type and outcome")
          .tag("command", command.getClass().getSimpleName())
          .tag("outcome", outcome)
          .tag("rejection", rejection)
          .register(registry));
    }
  }

  @Override
  public AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      AppendResult result = append.get();
      outcome = "appended";
      return result;
    } catch (WrongExpectedVersionException | AppendConditionFailedException conflict) {
      outcome = "conflict";
      throw conflict;
    } catch (DuplicateEventIdException repeated) {
      outcome = "duplicate";
      throw repeated;
    } finally {
      sample.stop(Timer.builder(APPENDS)
          .description("Appends of command handlers, by aggregate and outcome")
          .tag("aggregate", stream.category())
          .tag("outcome", outcome)
          .register(registry));
    }
  }

  @Override
  public void applied(AppliedPage page) {
    Counter.builder(PROJECTED)
        .description("Events a projection applied to its view")
        .baseUnit("events")
        .tag("view", page.view())
        .register(registry)
        .increment(page.events().size());
    Timer.builder(PAGES)
        .description("Pages a projection applied, from reading the log to the commit")
        .tag("view", page.view())
        .register(registry)
        .record(page.took());
  }

  /**
   * Adds the gauges of one running projection, read when the registry is scraped.
   *
   * @param lag how long the oldest event the view has not applied has waited (zero when caught up)
   * @param checkpoint the global position the view has applied
   * @param retries how often the projection paused on an unavailable store
   * @param running whether it still follows the log (false once it stopped on a fault)
   */
  public void watchProjection(String view, Supplier<Duration> lag, LongSupplier checkpoint, LongSupplier retries,
      BooleanSupplier running) {
    Gauge.builder(LAG, lag, l -> l.get().toNanos() / 1e9)
        .description("How long the oldest event a view has not applied has waited")
        .baseUnit("seconds")
        .tag("view", view)
        .strongReference(true)
        .register(registry);
    Gauge.builder(CHECKPOINT, checkpoint, LongSupplier::getAsLong)
        .description("The global position a view has applied")
        .tag("view", view)
        .strongReference(true)
        .register(registry);
    counted.add(retries);
    FunctionCounter.builder(RETRIES, retries, LongSupplier::getAsLong)
        .description("Times a projection paused on an unavailable store and retried")
        .tag("view", view)
        .register(registry);
    Gauge.builder(RUNNING, running, r -> r.getAsBoolean() ? 1 : 0)
        .description("Whether a projection follows the log (0: it stopped on a fault)")
        .tag("view", view)
        .strongReference(true)
        .register(registry);
  }
}
