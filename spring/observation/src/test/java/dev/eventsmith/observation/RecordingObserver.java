package dev.eventsmith.observation;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Writes down what it sees, as "name: what" lines. */
final class RecordingObserver implements RuntimeObserver {

  final String name;
  final List<String> seen;
  final List<AppliedPage> pages = new CopyOnWriteArrayList<>();

  RecordingObserver(String name, List<String> seen) {
    this.name = name;
    this.seen = seen;
  }

  @Override
  public CommandResult intercept(Command command, Map<String, String> metadata, Next next) {
    seen.add(name + ": command " + command.getClass().getSimpleName());
    CommandResult result = next.handle(metadata);
    seen.add(name + ": " + result.getClass().getSimpleName());
    return result;
  }

  @Override
  public <T> T decide(String aggregate, Command command, Supplier<T> decision) {
    seen.add(name + ": decide " + aggregate);
    return decision.get();
  }

  @Override
  public AppendResult append(StreamId stream, List<NewEvent> events, Supplier<AppendResult> append) {
    seen.add(name + ": append " + events.size() + " to " + stream);
    try {
      AppendResult result = append.get();
      seen.add(name + ": appended");
      return result;
    } catch (RuntimeException e) {
      seen.add(name + ": failed " + e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public void applied(AppliedPage page) {
    seen.add(name + ": applied " + page.events().size() + " to " + page.view());
    pages.add(page);
  }
}
