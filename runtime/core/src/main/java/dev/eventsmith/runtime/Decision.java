package dev.eventsmith.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a decider answers to a command: the events to record, or the rejection that refuses it.
 *
 * @param <E> the events this command may emit
 * @param <R> the rejections this command may give
 */
public sealed interface Decision<E, R> permits Decision.Accepted, Decision.Rejected {

  /** The command is accepted; {@code events} (possibly none) are to be appended in order. */
  record Accepted<E, R>(List<E> events) implements Decision<E, R> {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  /** The command is refused for {@code rejection}; nothing is appended. */
  record Rejected<E, R>(R rejection) implements Decision<E, R> {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /** Accept the command, emitting {@code events} in order. */
  @SafeVarargs
  static <E, R> Decision<E, R> accept(E... events) {
    return new Accepted<>(Arrays.asList(events));
  }

  /** Accept the command, emitting {@code events} in order. */
  static <E, R> Decision<E, R> accept(List<? extends E> events) {
    return new Accepted<>(List.copyOf(events));
  }

  /** Refuse the command with {@code rejection}. */
  static <E, R> Decision<E, R> reject(R rejection) {
    return new Rejected<>(rejection);
  }
}
