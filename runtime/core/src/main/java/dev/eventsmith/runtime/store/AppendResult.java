package dev.eventsmith.runtime.store;

/**
 * What a successful append did.
 *
 * @param nextExpectedVersion the stream's version after the append (the last appended event's version)
 * @param firstPosition global position of the first appended event
 * @param lastPosition global position of the last appended event
 */
public record AppendResult(StreamId stream, long nextExpectedVersion, long firstPosition, long lastPosition) {}
