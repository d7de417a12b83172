package dev.eventsmith.spec.diagnostic;

import dev.eventsmith.spec.model.SourcePosition;
import java.util.Comparator;
import java.util.Objects;

/** One problem found in a model: what, where, and how to fix it. */
public record Diagnostic(
    DiagnosticCode code, Severity severity, SourcePosition position, String message, String hint) {

  /** The order in which diagnostics are shown: by file, line, column, then code. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.position().file())
          .thenComparingInt(d -> d.position().line())
          .thenComparingInt(d -> d.position().column())
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** A diagnostic with the code's default severity. */
  public static Diagnostic of(DiagnosticCode code, SourcePosition position, String message, String hint) {
    return new Diagnostic(code, code.severity(), position, message, hint);
  }

  /** Whether this diagnostic stops generation. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The compiler-style form, e.g. {@code cart.yaml:14:9: error[ESM-0103]: ...} and, on a second
   * line, {@code   hint: ...}.
   */
  public String format() {
    String head = position + ": " + severity.label() + "[" + code.id() + "]: " + message;
    return hint.isEmpty() ? head : head + "\n  hint: " + hint;
  }
}
