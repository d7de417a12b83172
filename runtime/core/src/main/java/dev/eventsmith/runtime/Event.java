package dev.eventsmith.runtime;

import dev.eventsmith.runtime.store.StreamId;

/** A fact recorded in one aggregate's stream. Generated event records implement it. */
public interface Event {
  /** The stream this event belongs to, derived from the aggregate's id field. */
  StreamId streamId();
}
