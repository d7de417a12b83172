package dev.eventsmith.runtime;

import java.util.List;

/**
 * Reacts to a view reaching a state by issuing commands: "when a cart's summary shows it
 * abandoned, send a reminder". Called with each row of the view that an event changed. Generated
 * per-automation contracts extend this interface for automations whose {@code on} is a view.
 *
 * @param <V> the view's row
 */
public interface ViewAutomation<V> {

  /** The commands to issue because a row of the view became {@code row}; empty for none. */
  List<? extends Command> react(V row);
}
