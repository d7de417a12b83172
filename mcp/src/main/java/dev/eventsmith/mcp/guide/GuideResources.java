package dev.eventsmith.mcp.guide;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;

/** The bundled guides, error pages and format reference as MCP resources, and the error pages as a template. */
public final class GuideResources {

  private final Guides guides;

  public GuideResources(Guides guides) {
    this.guides = guides;
  }

  /** One resource per document. */
  public List<SyncResourceSpecification> resources() {
    return guides.documents().stream()
        .map(d -> new SyncResourceSpecification(
            Resource.builder(d.uri(), d.name()).description(d.description()).mimeType("text/markdown").build(),
            (exchange, request) -> read(d)))
        .toList();
  }

  /** {@code eventsmith://errors/{code}}: the page of any diagnostic code. */
  public List<SyncResourceTemplateSpecification> templates() {
    return List.of(new SyncResourceTemplateSpecification(
        ResourceTemplate.builder(Guides.errorUri("{code}"), "error page")
            .description("The page of a diagnostic code (ESM-NNNN): cause, example and fix.")
            .mimeType("text/markdown").build(),
        (exchange, request) -> {
          String uri = request.uri();
          return guides.byUri(uri).map(GuideResources::read).orElseThrow(() -> notFound(uri));
        }));
  }

  private static ReadResourceResult read(Guides.Document document) {
    return new ReadResourceResult(List.of(new TextResourceContents(document.uri(), "text/markdown", document.text())));
  }

  private static McpError notFound(String uri) {
    ToolError error = new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "there is no page " + uri,
        "Error pages are named eventsmith://errors/ESM-NNNN; resources/list lists them all.");
    return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
        .message(error.code().id() + ": " + error.getMessage() + " (" + error.hint() + ")")
        .data(java.util.Map.of("code", error.code().id(), "message", error.getMessage(), "hint", error.hint()))
        .build();
  }
}
