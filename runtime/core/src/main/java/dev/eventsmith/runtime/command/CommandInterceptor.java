package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.Command;
import java.util.Map;

/**
 * Wraps the handling of each command a {@link CommandBus} dispatches, for metrics, tracing or
 * logging. It sees the command, its metadata, and the outcome or the exception of the handling, and
 * may add metadata (a trace context, say), which the command's events then carry.
 */
@FunctionalInterface
public interface CommandInterceptor {

  /**
   * Handles {@code command} by calling {@code next} once, around whatever it does, and answers
   * what {@code next} answered. An exception thrown by {@code next} should be let through.
   *
   * @param metadata the metadata the command was dispatched with
   * @param next the rest of the handling: later interceptors, then the command's handler
   */
  CommandResult intercept(Command command, Map<String, String> metadata, Next next);

  /** The rest of a command's handling, given the metadata to record on its events. */
  @FunctionalInterface
  interface Next {

    /** Handles the command with {@code metadata} (the dispatched metadata, or more). */
    CommandResult handle(Map<String, String> metadata);
  }
}
