package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Given events, then commands: one spec of an automation that listens to a view. The given events
 * build the view's rows with its projector, as in production, and every row they change is handed
 * to the automation.
 */
public final class ViewAutomationSpec<K, V> {

  private final ViewAutomation<V> automation;
  private final Projector<K, V> projector;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final CodecRoundTrip codec;
  private final List<Event> given = new ArrayList<>();

  private ViewAutomationSpec(
      ViewAutomation<V> automation, Projector<K, V> projector, EventCodec codec, Symbols symbols, SpecSource source) {
    this.automation = Objects.requireNonNull(automation, "automation");
    this.projector = Objects.requireNonNull(projector, "projector");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.yaml = new SpecYaml(Objects.requireNonNull(symbols, "symbols"));
    this.codec = new CodecRoundTrip(Objects.requireNonNull(codec, "codec"), report, yaml);
  }

  public static <K, V> ViewAutomationSpec<K, V> of(
      ViewAutomation<V> automation, Projector<K, V> projector, EventCodec codec, Symbols symbols, SpecSource source) {
    return new ViewAutomationSpec<>(automation, projector, codec, symbols, source);
  }

  /** The events recorded, oldest first. */
  public ViewAutomationSpec<K, V> given(Event... events) {
    for (Event event : events) {
      given.add(Objects.requireNonNull(event, "event"));
    }
    return this;
  }

  /** Passes if the automation issues exactly {@code expected}, in order (none: no commands). */
  public void thenCommands(Command... expected) {
    Map<K, V> rows = new HashMap<>();
    List<Command> actual = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Event event = given.get(i);
      codec.check(event, "given event #" + (i + 1));
      for (K key : projector.keysOf(event)) {
        V before = rows.get(key);
        V after;
        try {
          after = projector.project(before == null ? projector.initial(key) : before, event);
        } catch (RuntimeException e) {
          throw report.threw("project(" + event.getClass().getSimpleName() + ")", e);
        }
        rows.put(key, after);
        if (Objects.equals(before, after)) {
          continue;
        }
        List<? extends Command> issued;
        try {
          issued = automation.react(after);
        } catch (RuntimeException e) {
          throw report.threw("react(" + after.getClass().getSimpleName() + ")", e);
        }
        if (issued == null) {
          throw report.failure("react(" + after.getClass().getSimpleName()
              + ") returned null; return an empty list to issue nothing");
        }
        actual.addAll(issued);
      }
    }
    List<Command> wanted = List.of(expected);
    if (!actual.equals(wanted)) {
      throw report.mismatch("", "expected commands", yaml.events(wanted), "actual commands", yaml.events(actual));
    }
  }
}
