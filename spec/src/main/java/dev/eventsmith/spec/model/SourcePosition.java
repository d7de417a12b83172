package dev.eventsmith.spec.model;

import java.util.Objects;

/** Where an element of the model was written: the file as the user named it, 1-based line and column. */
public record SourcePosition(String file, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  /** A position for elements that were not read from a file (synthetic models in tests). */
  public static SourcePosition unknown() {
    return new SourcePosition("<unknown>", 0, 0);
  }

  /** The form compilers use: {@code cart.yaml:14:9}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
