package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Given events, then commands: one spec of an automation, as the generated tests run it. Every
 * given event goes through the codec first, as it would when read from the store.
 */
public final class AutomationSpec {

  private final Automation automation;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final CodecRoundTrip codec;
  private final List<Event> given = new ArrayList<>();

  private AutomationSpec(Automation automation, EventCodec codec, Symbols symbols, SpecSource source) {
    this.automation = Objects.requireNonNull(automation, "automation");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.yaml = new SpecYaml(Objects.requireNonNull(symbols, "symbols"));
    this.codec = new CodecRoundTrip(Objects.requireNonNull(codec, "codec"), report, yaml);
  }

  public static AutomationSpec of(Automation automation, EventCodec codec, Symbols symbols, SpecSource source) {
    return new AutomationSpec(automation, codec, symbols, source);
  }

  /** The events recorded, oldest first. */
  public AutomationSpec given(Event... events) {
    for (Event event : events) {
      given.add(Objects.requireNonNull(event, "event"));
    }
    return this;
  }

  /** Passes if the automation issues exactly {@code expected}, in order (none: no commands). */
  public void thenCommands(Command... expected) {
    List<Command> actual = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Event event = given.get(i);
      codec.check(event, "given event #" + (i + 1));
      List<? extends Command> issued;
      try {
        issued = automation.react(event);
      } catch (RuntimeException e) {
        throw report.threw("react(" + event.getClass().getSimpleName() + ")", e);
      }
      if (issued == null) {
        throw report.failure("react(" + event.getClass().getSimpleName()
            + ") returned null; return an empty list to issue nothing");
      }
      actual.addAll(issued);
    }
    List<Command> wanted = List.of(expected);
    if (!actual.equals(wanted)) {
      throw report.mismatch("", "expected commands", yaml.events(wanted), "actual commands", yaml.events(actual));
    }
  }
}
