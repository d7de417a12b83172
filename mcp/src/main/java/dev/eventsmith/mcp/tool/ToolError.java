package dev.eventsmith.mcp.tool;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.util.Objects;

/**
 * A mistake in what a tool was asked, or a state of the project that keeps it from answering: the
 * tool answers with an error result carrying the code, the message and a hint, never a stack trace.
 */
public final class ToolError extends Exception {

  private static final long serialVersionUID = 1L;

  private final DiagnosticCode code;
  private final String hint;

  public ToolError(DiagnosticCode code, String message, String hint) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.hint = Objects.requireNonNull(hint, "hint");
  }

  /** The stable code, e.g. {@code ESM-0903}. */
  public DiagnosticCode code() {
    return code;
  }

  /** How to fix it; may be empty. */
  public String hint() {
    return hint;
  }
}
