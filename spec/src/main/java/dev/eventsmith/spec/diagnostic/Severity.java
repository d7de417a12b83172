package dev.eventsmith.spec.diagnostic;

import java.util.Locale;

/** How bad a diagnostic is: an error stops generation, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case spelling used in human and JSON output, e.g. {@code error}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
