package dev.eventsmith.runtime.model;

import java.util.Objects;

/**
 * One aggregate of a model.
 *
 * @param name the aggregate's name in the model, e.g. {@code Cart}
 * @param decider the generated decider contract its logic implements, e.g. {@code CartDecider}
 * @param commands the sealed interface of its commands, e.g. {@code CartCommand}
 */
public record AggregateDescriptor(String name, Class<?> decider, Class<?> commands) {

  public AggregateDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(decider, "decider");
    Objects.requireNonNull(commands, "commands");
  }
}
