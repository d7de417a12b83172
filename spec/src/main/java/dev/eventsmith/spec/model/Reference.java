package dev.eventsmith.spec.model;

/** A name that refers to another element of the model, with where it was written. */
public record Reference(String name, SourcePosition position) {
  @Override
  public String toString() {
    return name;
  }
}
