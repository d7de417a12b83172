package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.TaggedEvent;
import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for the writer thread; completed once its batch committed, or failed alone. A
 * probe (no stream, no events) only asks the writer to commit a write, for a health check.
 */
record PendingAppend(StreamId stream, ExpectedVersion expected, List<NewEvent> events,
    CompletableFuture<AppendResult> outcome, List<Set<String>> tags, AppendCondition condition) {

  PendingAppend(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    this(stream, expected, List.copyOf(events), new CompletableFuture<>(), List.of(), null);
  }

  /**
   * An append of tagged events to the end of {@code stream}, written only if {@code condition}
   * (null: none) holds when the writer comes to it.
   */
  static PendingAppend tagged(StreamId stream, List<TaggedEvent> events, AppendCondition condition) {
    return new PendingAppend(stream, ExpectedVersion.any(), events.stream().map(TaggedEvent::event).toList(),
        new CompletableFuture<>(), events.stream().map(TaggedEvent::tags).toList(), condition);
  }

  /** A write with nothing to append, to prove that a write commits. */
  static PendingAppend probe() {
    return new PendingAppend(null, null, List.of(), new CompletableFuture<>(), List.of(), null);
  }

  boolean isProbe() {
    return stream == null;
  }
}
