package dev.eventsmith.runtime.store;

/**
 * What an append expects of a stream's current version, for optimistic concurrency. Stream
 * versions start at 1 for the first event; a stream that does not exist has version 0.
 */
public sealed interface ExpectedVersion {

  /** Append whatever the stream's version. */
  record Any() implements ExpectedVersion {}

  /** The stream must not exist yet. */
  record NoStream() implements ExpectedVersion {}

  /** The stream's last event must have exactly this version (0 means the stream must not exist). */
  record Exactly(long version) implements ExpectedVersion {
    public Exactly {
      if (version < 0) {
        throw new IllegalArgumentException("a stream version is never negative: " + version);
      }
    }
  }

  static ExpectedVersion any() {
    return new Any();
  }

  static ExpectedVersion noStream() {
    return new NoStream();
  }

  static ExpectedVersion exactly(long version) {
    return version == 0 ? new NoStream() : new Exactly(version);
  }

  /** Whether a stream whose last version is {@code actual} (0: none) satisfies this expectation. */
  default boolean matches(long actual) {
    if (this instanceof Any) {
      return true;
    }
    if (this instanceof NoStream) {
      return actual == 0;
    }
    return ((Exactly) this).version() == actual;
  }
}
