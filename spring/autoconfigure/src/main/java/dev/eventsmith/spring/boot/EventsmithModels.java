package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.model.ModelDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The models a service runs: {@code <Model>Model} beans, or those found in the application's packages. */
public final class EventsmithModels {

  private final List<ModelDescriptor> models;

  public EventsmithModels(List<ModelDescriptor> models) {
    this.models = List.copyOf(models);
    Set<String> names = new HashSet<>();
    for (ModelDescriptor model : this.models) {
      if (!names.add(model.name())) {
        throw new IllegalStateException("two models are named " + model.name() + ": give each model its own name");
      }
    }
  }

  public List<ModelDescriptor> all() {
    return models;
  }

  /**
   * The stored event types of every model but {@code model}, which a runner of {@code model}
   * skips on purpose: those models' runners handle them. Types {@code model} also knows are not
   * among them.
   */
  public Set<String> typesBesides(ModelDescriptor model) {
    Objects.requireNonNull(model, "model");
    Set<String> others = new HashSet<>();
    for (ModelDescriptor other : models) {
      if (other != model) {
        others.addAll(other.events().types());
      }
    }
    others.removeAll(model.events().types());
    return others;
  }
}
