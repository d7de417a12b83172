package dev.eventsmith.runtime;

import java.util.Objects;

/**
 * The state of one instance of a process declared in the model, as its generated contract folds
 * it for the {@code ProcessRunner}: the process's own state and whether an event that ends it was
 * handled.
 *
 * @param <S> the generated state record of the process
 */
public record ProcessInstance<S>(S state, boolean ended) {

  public ProcessInstance {
    Objects.requireNonNull(state, "state: a process's initial and evolve methods return a state, never null");
  }

  /** A running instance in {@code state}. */
  public static <S> ProcessInstance<S> running(S state) {
    return new ProcessInstance<>(state, false);
  }
}
