package dev.eventsmith.mcp.tool;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs tool calls: the answer goes out as structured content and as its JSON text (for clients
 * that read only text); a {@link ToolError} or anything thrown becomes an error result with a
 * code, a message and a hint. A stack trace goes to the server's log (stderr), never to the caller.
 */
public final class ToolCalls {

  /** The most characters one answer may hold (about 50k tokens). */
  public static final int MAX_CHARACTERS = 200_000;

  private final McpJsonMapper json;
  private final PrintStream log;

  public ToolCalls(McpJsonMapper json, PrintStream log) {
    this.json = json;
    this.log = log;
  }

  /** The SDK's form of {@code spec}. */
  public SyncToolSpecification specification(ToolSpec spec) {
    Tool tool = Tool.builder(spec.name(), spec.inputSchema())
        .title(spec.title())
        .description(spec.description())
        .annotations(ToolAnnotations.builder().title(spec.title()).readOnlyHint(spec.readOnly())
            .destructiveHint(!spec.readOnly()).openWorldHint(false).build())
        .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(spec, request.arguments()))
        .build();
  }

  /** Calls {@code spec} with {@code arguments}; never throws. */
  public CallToolResult call(ToolSpec spec, Map<String, Object> arguments) {
    try {
      refuseUnknown(spec, arguments);
      Object answer = spec.handler().call(new Arguments(spec.name(), arguments));
      String text = json.writeValueAsString(answer);
      if (text.length() > MAX_CHARACTERS) {
        return failure(Page.tooLarge(text.length(), MAX_CHARACTERS));
      }
      CallToolResult.Builder result = CallToolResult.builder().addContent(new TextContent(text)).isError(false);
      // Structured content is a JSON object by the protocol; a list or a plain value goes as text only.
      if (answer instanceof Map<?, ?>) {
        result.structuredContent(answer);
      }
      return result.build();
    } catch (ToolError e) {
      return failure(e);
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
      log.println("eventsmith-mcp: tool " + spec.name() + " failed unexpectedly:");
      e.printStackTrace(log);
      return failure(new ToolError(DiagnosticCode.MCP_INTERNAL_ERROR, "the tool " + spec.name()
          + " failed unexpectedly (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "This is a bug of the server, not of your project: the server's log (stderr) has the details; "
              + "please report it with the tool's arguments."));
    }
  }

  /** An argument the schema does not name is a mistake (a misspelt name), not something to ignore. */
  private static void refuseUnknown(ToolSpec spec, Map<String, Object> arguments) throws ToolError {
    if (arguments == null) {
      return;
    }
    Map<?, ?> properties = (Map<?, ?>) spec.inputSchema().get("properties");
    for (String name : arguments.keySet()) {
      if (!properties.containsKey(name)) {
        throw new ToolError(DiagnosticCode.MCP_BAD_ARGUMENT, spec.name() + " has no argument '" + name + "'"
            + DidYouMean.suffix(name, properties.keySet().stream().map(Object::toString).toList()),
            properties.isEmpty() ? spec.name() + " takes no arguments."
                : spec.name() + " takes: " + String.join(", ", properties.keySet().stream().map(Object::toString)
                    .toList()) + ".");
      }
    }
  }

  private CallToolResult failure(ToolError error) {
    Map<String, Object> body = Json.object().put("error", Json.object()
        .put("code", error.code().id())
        .put("title", error.code().title())
        .put("message", error.getMessage())
        .putIfNotEmpty("hint", error.hint())
        .put("page", "eventsmith://errors/" + error.code().id()).build()).build();
    String text = error.code().id() + ": " + error.getMessage() + (error.hint().isEmpty() ? "" : "\nhint: " + error.hint());
    return CallToolResult.builder().addContent(new TextContent(text)).structuredContent(body).isError(true).build();
  }
}
