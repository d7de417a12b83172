package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for the writer thread; completed once its batch committed, or failed alone. A
 * probe (no stream, no events) only asks the writer to commit a write, for a health check.
 */
record PendingAppend(StreamId stream, ExpectedVersion expected, List<NewEvent> events,
    CompletableFuture<AppendResult> outcome) {

  PendingAppend(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    this(stream, expected, List.copyOf(events), new CompletableFuture<>());
  }

  /** A write with nothing to append, to prove that a write commits. */
  static PendingAppend probe() {
    return new PendingAppend(null, null, List.of(), new CompletableFuture<>());
  }

  boolean isProbe() {
    return stream == null;
  }
}
