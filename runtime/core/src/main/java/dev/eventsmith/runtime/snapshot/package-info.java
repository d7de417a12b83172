/**
 * Snapshots: an aggregate's folded state saved every N events, so a command loads the snapshot and
 * folds only the events after it. A cache, never the truth: a snapshot of another state version, one
 * that does not decode, or one that does not match its stream is ignored and the stream replayed.
 */
package dev.eventsmith.runtime.snapshot;
