package dev.eventsmith.spec.typing;

import dev.eventsmith.spec.model.SourcePosition;

/**
 * Why a value or message does not fit its fields: a plain sentence, a hint on how to fix it, and
 * where the offending value (or, for a missing field, the message) was written.
 */
public record TypingProblem(Kind kind, String message, String hint, SourcePosition position) {

  /** What went wrong, so that callers can map problems to their own codes. */
  public enum Kind {
    /** The value does not fit the field's type or constraints. */
    DOES_NOT_FIT,
    /** A value was given for a field the message does not have. */
    UNKNOWN_FIELD,
    /** A required field was not given. */
    MISSING_FIELD,
    /** The field's type names no declared type, so the value cannot be checked; the model is at fault, not the value. */
    UNKNOWN_TYPE
  }
}
