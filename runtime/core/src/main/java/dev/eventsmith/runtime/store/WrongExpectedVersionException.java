package dev.eventsmith.runtime.store;

/** An append found the stream at another version than expected: someone else appended first. */
public final class WrongExpectedVersionException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final StreamId stream;
  private final transient ExpectedVersion expected;
  private final long actual;

  public WrongExpectedVersionException(StreamId stream, ExpectedVersion expected, long actual) {
    super("stream " + stream + " is at version " + actual + ", but the append expected " + describe(expected)
        + "; reload the stream and decide again");
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }

  private static String describe(ExpectedVersion expected) {
    if (expected instanceof ExpectedVersion.NoStream) {
      return "no stream";
    }
    if (expected instanceof ExpectedVersion.Exactly exactly) {
      return "version " + exactly.version();
    }
    return "any version";
  }

  public StreamId stream() {
    return stream;
  }

  public ExpectedVersion expected() {
    return expected;
  }

  /** The stream's version when the append was refused (0: no stream). */
  public long actual() {
    return actual;
  }
}
