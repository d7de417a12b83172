package dev.eventsmith.runtime;

import java.util.List;

/**
 * Reacts to recorded events by issuing commands: "when X happens, do Y". Generated per-automation
 * contracts extend this interface with one typed {@code react} method for the event it listens to.
 * Like deciders, automations are pure: what they need to know travels in the event.
 */
public interface Automation {

  /** The commands to issue because {@code event} was recorded, in order; empty if it is ignored. */
  List<? extends Command> react(Event event);
}
