package dev.eventsmith.runtime.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * Input that does not make a valid command: which command, which field (if one is to blame), and
 * what is wrong with it, in words a client can act on.
 */
public final class InvalidCommandException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String command;
  private final String field;
  private final String problem;

  /**
   * @param field the field to blame, as the model names it (a top-level field of the command), or
   *     null when the input as a whole is wrong
   */
  public InvalidCommandException(String command, String field, String problem, Throwable cause) {
    super(command + (field == null ? "" : "." + field) + ": " + problem, cause);
    this.command = Objects.requireNonNull(command, "command");
    this.field = field;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The command's name, as the model spells it. */
  public String command() {
    return command;
  }

  /** The field to blame, if one is. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** What is wrong, without the command's and field's names. */
  public String problem() {
    return problem;
  }
}
