package dev.eventsmith.runtime.codec;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Rejection;
import java.util.Set;

/**
 * Reads the commands of one model from JSON and writes commands and rejections as JSON, with plain
 * code per type and no reflection, for code that takes commands from outside (an HTTP API, a
 * message queue). Generated per model as {@code <Model>CommandCodec}.
 */
public interface CommandCodec {

  /** The names of the model's commands, as the model spells them. */
  Set<String> commands();

  /**
   * Reads the command {@code command} from a JSON object of its fields. The generated record
   * checks the model's constraints; every refusal names the field.
   *
   * @throws InvalidCommandException if the name is unknown, the JSON is malformed, a field is
   *     missing, unknown or of the wrong type, or a value breaks a constraint
   */
  Command decode(String command, byte[] json);

  /** The command's fields as a JSON object, as {@link #decode} reads them. */
  byte[] encode(Command command);

  /** The rejection's name, as the model spells it. */
  String rejectionName(Rejection rejection);

  /** The rejection's fields as a JSON object ({@code {}} when it has none). */
  byte[] encodeRejection(Rejection rejection);
}
