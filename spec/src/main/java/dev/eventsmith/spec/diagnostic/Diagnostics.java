package dev.eventsmith.spec.diagnostic;

import dev.eventsmith.spec.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one load, so that every step can report and carry on. */
public final class Diagnostics {
  private final List<Diagnostic> reported = new ArrayList<>();

  /** Reports a problem with the code's default severity. */
  public void report(DiagnosticCode code, SourcePosition position, String message, String hint) {
    reported.add(Diagnostic.of(code, position, message, hint));
  }

  /** Whether any error (not warning) has been reported. */
  public boolean hasErrors() {
    return reported.stream().anyMatch(Diagnostic::isError);
  }

  /** Everything reported so far, sorted by file, line and column, without exact repeats. */
  public List<Diagnostic> sorted() {
    return reported.stream().distinct().sorted(Diagnostic.ORDER).toList();
  }
}
