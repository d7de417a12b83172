package dev.eventsmith.spec;

import java.util.Objects;

/**
 * The text of one model file and the name diagnostics print for it (e.g. {@code cart.yaml}).
 *
 * @param displayName how the file is named in diagnostics and in source positions
 * @param content the YAML text
 */
public record ModelSource(String displayName, String content) {
  public ModelSource {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(content, "content");
  }
}
