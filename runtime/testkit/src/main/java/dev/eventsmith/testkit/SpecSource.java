package dev.eventsmith.testkit;

import java.util.Objects;

/**
 * Where a spec is written in the model, so a failure can point at it.
 *
 * @param file the model file, as the user knows it ({@code cart.yaml})
 * @param line the line of the spec's name in that file, from 1
 * @param subject the command, view or automation the spec is about
 * @param name the spec's name
 */
public record SpecSource(String file, int line, String subject, String name) {

  public SpecSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
  }

  /** {@code file:line}, the form editors and build logs turn into a link. */
  public String location() {
    return file + ":" + line;
  }
}
