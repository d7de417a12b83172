package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.Causation;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An automation as segmented work: an event goes to the segment of its stream, where the
 * automation reacts to it and its commands are dispatched at once, each with the command id an
 * {@link AutomationRunner} of the same name gives it, and the correlation and causation ids of
 * {@link Causation}. With {@link IssuedCommands}, each command's outcome is recorded after its
 * dispatch, and a command whose outcome is recorded (before a crash, or by the instance that held
 * the segment before) is not dispatched again.
 */
final class AutomationWork implements SegmentWork<List<Command>> {

  private final String name;
  private final EventCodec codec;
  private final Automation automation;
  private final CommandBus bus;
  private final EventTypes types;
  private final long startAfter;
  private final Optional<IssuedCommands> issued;

  AutomationWork(String name, EventCodec codec, Automation automation, CommandBus bus, EventTypes types,
      long startAfter, Optional<IssuedCommands> issued) {
    this.issued = issued;
    this.name = name;
    this.codec = codec;
    this.automation = automation;
    this.bus = bus;
    this.types = types;
    this.startAfter = startAfter;
  }

  @Override
  public List<Command> startPage() {
    return new ArrayList<>();
  }

  @Override
  public void handle(RecordedEvent recorded, Route<List<Command>> route) {
    // Every instance checks the type, whichever segment the event is in: an unknown type stops them all.
    if (!types.shouldRead(recorded) || recorded.globalPosition() <= startAfter) {
      return;
    }
    route.page(recorded.stream().value()).ifPresent(page -> {
      Event event = codec.decode(recorded);
      List<? extends Command> commands = HandWritten.call(automation, "react", recorded,
          "an empty list to issue nothing", () -> automation.react(event));
      for (int i = 0; i < commands.size(); i++) {
        Map<String, String> metadata = Causation.of(recorded, AutomationRunner.commandId(name, recorded, i));
        if (issued.isEmpty()) {
          bus.dispatch(commands.get(i), metadata);
        } else if (!issued.get().dispatchOnce(bus, commands.get(i), metadata, rejected -> { })) {
          continue;
        }
        page.add(commands.get(i));
      }
    });
  }
}
