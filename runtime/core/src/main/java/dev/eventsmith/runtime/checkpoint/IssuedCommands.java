package dev.eventsmith.runtime.checkpoint;

import java.util.Optional;

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
}
