package dev.eventsmith.runtime.dcb;

import dev.eventsmith.runtime.store.EventStoreException;

/**
 * A conditional append found an event matching its condition's query after the position the
 * decision read: the decision was made on stale facts. Nothing was appended; read and decide again.
 */
public final class AppendConditionFailedException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  public AppendConditionFailedException(AppendCondition condition) {
    super("an event matching " + condition.failIfEventsMatch() + " was appended after position "
        + condition.after() + "; read the events again and decide anew");
  }
}
