package dev.eventsmith.runtime.internal;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.InvalidCommandException;
import dev.eventsmith.runtime.codec.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One command being read from JSON by a generated command codec: every refusal is an
 * {@link InvalidCommandException} that names the command and, where one is to blame, the field.
 * Not an API: it changes with the generator.
 */
public final class CommandInput {

  /** {@code Sku.value must match ...}: the generated checks name the record and field first. */
  private static final Pattern OWNER = Pattern.compile("^[\\p{L}_$][\\p{L}\\p{N}_$]*\\.[\\p{L}_$][\\p{L}\\p{N}_$]* ");

  private final String command;
  private final JsonValue json;
  private final List<String> fields;

  private CommandInput(String command, JsonValue json, List<String> fields) {
    this.command = command;
    this.json = json;
    this.fields = fields;
  }

  /**
   * Parses {@code data} as the JSON object of {@code command}'s fields.
   *
   * @throws InvalidCommandException if it is not JSON, not an object, or has a field the command does not
   */
  public static CommandInput of(String command, byte[] data, String... fields) {
    JsonValue json;
    Set<String> given;
    try {
      json = JsonValue.parse(data);
      given = json.names();
    } catch (CodecException e) {
      throw new InvalidCommandException(command, null,
          "the body must be a JSON object of the command's fields: " + e.getMessage(), e);
    }
    List<String> known = List.of(fields);
    for (String name : given) {
      if (!known.contains(name)) {
        throw new InvalidCommandException(command, name,
            "is not a field of " + command + ", whose fields are " + String.join(", ", known), null);
      }
    }
    return new CommandInput(command, json, known);
  }

  /** Reads field {@code name} with {@code read}, which is handed the whole object. */
  public <T> T field(String name, Function<JsonValue, T> read) {
    try {
      return read.apply(json);
    } catch (CodecException e) {
      throw new InvalidCommandException(command, name, withoutPath(e.getMessage(), name), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      // A value type's own check, e.g. "Sku.value must match ...".
      throw new InvalidCommandException(command, name, withoutOwner(String.valueOf(e.getMessage())), e);
    }
  }

  /** Makes the command from the fields read; the record's own checks name the field they refuse. */
  public <C> C build(Supplier<C> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = String.valueOf(e.getMessage());
      for (String field : fields) {
        if (message.startsWith(command + "." + field + " ")) {
          throw new InvalidCommandException(command, field, message.substring(command.length() + field.length() + 2), e);
        }
      }
      throw new InvalidCommandException(command, null, message, e);
    }
  }

  /** The refusal of a command name the model does not have. */
  public static InvalidCommandException unknown(String model, String command, Set<String> known) {
    return new InvalidCommandException(command, null,
        "model " + model + " has no such command; its commands are " + String.join(", ", known), null);
  }

  private static String withoutPath(String message, String field) {
    String prefix = "$." + field + ": ";
    if (!message.startsWith(prefix)) {
      return message;
    }
    String problem = message.substring(prefix.length());
    return problem.equals("missing") ? "is required" : problem;
  }

  private static String withoutOwner(String message) {
    return OWNER.matcher(message).replaceFirst("");
  }
}
