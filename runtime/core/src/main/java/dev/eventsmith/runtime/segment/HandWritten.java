package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.function.Supplier;

/** Calls into hand-written code (projectors, automations), naming the event when it fails. */
final class HandWritten {

  private HandWritten() {}

  /**
   * Answers what {@code call} returns.
   *
   * @param instead what to return instead of null, for the message
   * @throws IllegalStateException if it throws (an Error included) or returns null, naming the
   *     code, the method and the event
   */
  static <T> T call(Object code, String method, RecordedEvent recorded, String instead, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException(code.getClass().getName() + "." + method + " failed on the " + recorded.type()
          + " event at " + recorded.location() + ": " + e, e);
    }
    if (result == null) {
      throw new IllegalStateException(code.getClass().getName() + "." + method + " returned null for the "
          + recorded.type() + " event at " + recorded.location() + "; return " + instead);
    }
    return result;
  }
}
