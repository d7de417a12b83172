package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Several observers nested in order, the first outermost. */
final class AllObservers implements RuntimeObserver {

  private final List<RuntimeObserver> observers;

  AllObservers(List<RuntimeObserver> observers) {
    this.observers = observers;
  }

  @Override
  public CommandResult intercept(Command command, Map<String, String> metadata, Next next) {
    return intercept(0, command, metadata, next);
  }

  private CommandResult intercept(int index, Command command, Map<String, String> metadata, Next next) {
    if (index == observers.size()) {
      return next.handle(metadata);
    }
    return observers.get(index).intercept(command, metadata, more -> intercept(index + 1, command, more, next));
  }

  @Override
  public <T> T decide(String aggregate, Command command, Supplier<T> decision) {
    return decide(0, aggregate, command, decision);
  }

  private <T> T decide(int index, String aggregate, Command command, Supplier<T> decision) {
    if (index == observers.size()) {
      return decision.get();
    }
    return observers.get(index).decide(aggregate, command, () -> decide(index + 1, aggregate, command, decision));
  }

  @Override
  public AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    return append(0, stream, events, append);
  }

  private AppendResult append(int index, StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    if (index == observers.size()) {
      return append.get();
    }
    return observers.get(index).append(stream, events, () -> append(index + 1, stream, events, append));
  }

  @Override
  public void applied(AppliedPage page) {
    for (RuntimeObserver observer : observers) {
      observer.applied(page);
    }
  }
}
