package dev.eventsmith.mcp.tool;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call, read with the checks a caller's mistake needs: a missing,
 * mistyped or out-of-range argument is a {@link ToolError} naming the argument.
 */
public final class Arguments {

  private final String tool;
  private final Map<String, Object> values;

  public Arguments(String tool, Map<String, Object> values) {
    this.tool = tool;
    this.values = values == null ? Map.of() : values;
  }

  /** A string argument that must be given and not blank. */
  public String string(String name) throws ToolError {
    return optionalString(name).orElseThrow(() -> bad(name, "is required"));
  }

  /** A string argument that may be left out; blank counts as left out. */
  public Optional<String> optionalString(String name) throws ToolError {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw bad(name, "must be a string, not " + describe(value));
    }
    if (text.indexOf('\0') >= 0) {
      throw bad(name, "must not contain a NUL character");
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  /** A whole number between {@code min} and {@code max}, {@code fallback} when left out. */
  public long integer(String name, long fallback, long min, long max) throws ToolError {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      number = ((Number) value).longValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 9.0e15) {
      number = n.longValue();
    } else {
      throw bad(name, "must be a whole number, not " + describe(value));
    }
    if (number < min || number > max) {
      throw bad(name, "must be between " + min + " and " + max + ", not " + number);
    }
    return number;
  }

  /** A boolean, {@code fallback} when left out. */
  public boolean bool(String name, boolean fallback) throws ToolError {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw bad(name, "must be true or false, not " + describe(value));
    }
    return b;
  }

  /** An object argument, as the protocol delivered it. */
  public Map<String, Object> object(String name) throws ToolError {
    Object value = values.get(name);
    if (value == null) {
      throw bad(name, "is required");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(name, "must be a JSON object, not " + describe(value));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /** The error for argument {@code name}, e.g. "argument 'limit' of read_stream must be ...". */
  public ToolError bad(String name, String problem) {
    return new ToolError(DiagnosticCode.MCP_BAD_ARGUMENT, "argument '" + name + "' of " + tool + " " + problem,
        "See the tool's input schema (tools/list) for its arguments and their forms.");
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + shown;
  }
}
