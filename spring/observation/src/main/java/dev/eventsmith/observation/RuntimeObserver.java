package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandInterceptor;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What metrics and tracing watch in a running service: each command dispatched through the bus
 * (as a {@link CommandInterceptor}), each decision, each append, and each page a projection
 * applies. The decorators of this package report to it ({@link ObservedEventStore},
 * {@link ObservedDecider}, {@link ObservedProjection}, and for commands decided across streams
 * {@link ObservedDecision} and {@link ObservedTaggedEventStore}); every method does nothing by
 * default.
 *
 * <p>The {@code around} methods must call their action once and answer what it answered, letting
 * its exception through.
 */
public interface RuntimeObserver extends CommandInterceptor {

  @Override
  default CommandResult intercept(Command command, Map<String, String> metadata, Next next) {
    return next.handle(metadata);
  }

  /**
   * Around the decision of {@code aggregate}'s decider on {@code command} (pure: no I/O inside); for
   * a command decided across streams, of its decision, {@code aggregate} naming its events' stream.
   */
  default <T> T decide(String aggregate, Command command, Supplier<T> decision) {
    return decision.get();
  }

  /**
   * Around the append of {@code events} to {@code stream} by a command handler, or by a decision
   * across streams (whose lost race is an {@code AppendConditionFailedException}).
   */
  default AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    return append.get();
  }

  /** After a projection applied a page of events to its view. */
  default void applied(AppliedPage page) {}

  /** Every observer of {@code observers} in turn: the first sees each action first and its outcome last. */
  static RuntimeObserver all(List<? extends RuntimeObserver> observers) {
    List<RuntimeObserver> all = List.copyOf(observers);
    return all.size() == 1 ? all.get(0) : new AllObservers(all);
  }
}
