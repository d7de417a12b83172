package dev.eventsmith.runtime.codec;

/** Stored data that does not fit the model: an unknown type, a newer version, or a bad payload. */
public final class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
