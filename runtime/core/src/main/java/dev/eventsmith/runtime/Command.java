package dev.eventsmith.runtime;

import dev.eventsmith.runtime.store.StreamId;

/** An intention addressed to one aggregate. Generated command records implement it. */
public interface Command {
  /** The stream of the aggregate this command is addressed to. */
  StreamId streamId();
}
