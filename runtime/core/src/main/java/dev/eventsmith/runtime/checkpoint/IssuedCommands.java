package dev.eventsmith.runtime.checkpoint;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The outcome of each command an automation or a process issued, kept next to its checkpoint:
 * once a command's outcome is recorded, a runner that reads its event again (after a crash, or
 * another runner of the same name) does not dispatch it again. The command handler already records
 * an accepted command once by its id; this ledger also keeps a rejected one from being decided
 * again on a state that changed meanwhile (the process that compensated for the rejection must not
 * see the command accepted after all). Implementations are safe for concurrent use, by threads and
 * by processes sharing the database; the first outcome recorded for a command id stays.
 */
public interface IssuedCommands {

  /** What came of a command: recorded events (or none), or a rejection. */
  enum Outcome {
    ACCEPTED,
    REJECTED
  }

  /** The outcome recorded for {@code commandId}, if any. */
  Optional<Outcome> outcome(String commandId);

  /**
   * Records {@code outcome} for {@code commandId} unless an outcome is recorded already, and
   * answers the outcome that stays recorded.
   */
  Outcome record(String commandId, Outcome outcome);

  /**
   * Dispatches {@code command} with {@code metadata} (holding its {@link CommandHandler#COMMAND_ID})
   * unless its outcome is recorded already; hands a rejection to {@code onRejected} (whose own
   * commands have ids of their own), then records the outcome. A runner that dies between the
   * dispatch and the record dispatches the command again when it (or whoever takes its work over)
   * reads the event again: the handler answers an accepted command with what it recorded, by its id,
   * and a rejected one is decided again.
   *
   * @return whether it was dispatched
   */
  default boolean dispatchOnce(CommandBus bus, Command command, Map<String, String> metadata,
      Consumer<CommandResult.Rejected> onRejected) {
    String commandId = Objects.requireNonNull(metadata.get(CommandHandler.COMMAND_ID), "the command id");
    if (outcome(commandId).isPresent()) {
      return false;
    }
    CommandResult result = bus.dispatch(command, metadata);
    if (result instanceof CommandResult.Rejected rejected) {
      onRejected.accept(rejected);
    }
    record(commandId, result instanceof CommandResult.Rejected ? Outcome.REJECTED : Outcome.ACCEPTED);
    return true;
  }
}
