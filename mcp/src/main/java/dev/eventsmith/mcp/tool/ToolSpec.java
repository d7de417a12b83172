package dev.eventsmith.mcp.tool;

import java.util.Map;
import java.util.Objects;

/**
 * One tool of the server: its name, what it is for, its arguments' schema, whether it leaves
 * everything as it was, and what answers a call.
 *
 * @param readOnly whether the tool changes nothing (clients may call such tools without asking)
 */
public record ToolSpec(
    String name, String title, String description, Map<String, Object> inputSchema, boolean readOnly, Handler handler) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(handler, "handler");
  }

  /** What answers a call: a JSON value (maps, lists, strings, numbers, booleans), or a {@link ToolError}. */
  @FunctionalInterface
  public interface Handler {
    Object call(Arguments arguments) throws ToolError;
  }
}
