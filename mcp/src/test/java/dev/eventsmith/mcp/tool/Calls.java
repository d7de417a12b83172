package dev.eventsmith.mcp.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Calls tools in-process, through the same {@link ToolCalls} the server uses, for tests. */
public final class Calls {

  private final List<ToolSpec> tools;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final ToolCalls calls = new ToolCalls(McpJsonDefaults.getMapper(), new PrintStream(log, true));

  public Calls(List<ToolSpec> tools) {
    this.tools = tools;
  }

  /** The raw result of a call. */
  public CallToolResult result(String name, Map<String, Object> arguments) {
    ToolSpec spec = tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    return calls.call(spec, arguments);
  }

  /** The structured answer of a call that must succeed. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> ok(String name, Map<String, Object> arguments) {
    CallToolResult result = result(name, arguments);
    assertFalse(result.isError(), () -> name + " failed: " + text(result));
    return (Map<String, Object>) result.structuredContent();
  }

  /** The error of a call that must fail: {code, message, hint, ...}. */
  public Map<?, ?> error(String name, Map<String, Object> arguments) {
    CallToolResult result = result(name, arguments);
    assertEquals(true, result.isError(), () -> name + " should have failed: " + text(result));
    return (Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get("error");
  }

  public static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  /** What the calls logged (stack traces of unexpected failures). */
  public String log() {
    return log.toString();
  }
}
