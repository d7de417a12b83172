package dev.eventsmith.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an assistant meets it: started with {@code java -jar} in a user's project, driven by
 * the SDK's client over stdio through the loop an assistant follows: validate, list the slices, run
 * the specs of a slice with a failing spec, read its diff, then read the events in the store.
 */
class McpServerIT {

  @TempDir
  Path temp;

  @Test
  void anAssistantValidatesListsRunsAFailingSpecAndReadsTheStore() throws Exception {
    Path project = FixtureProject.create(temp.resolve("cart"));
    FixtureProject.store(project.resolve("target/app.db"));
    try (McpSyncClient client = client(project, "--store", "sqlite:target/app.db")) {
      client.initialize();

      Map<String, Object> validation = ok(client, "validate_model", Map.of());
      assertEquals(true, validation.get("valid"), validation.toString());
      assertEquals("ShoppingCart", validation.get("name"));

      Map<String, Object> slices = ok(client, "list_slices", Map.of("kind", "command"));
      List<?> names = ((List<?>) slices.get("slices")).stream().map(s -> ((Map<?, ?>) s).get("name")).toList();
      assertTrue(names.contains("SubmitCart"), names.toString());

      Map<String, Object> run = ok(client, "run_specs", Map.of("slice", "SubmitCart"));
      assertEquals("failing", run.get("outcome"), run.toString());
      assertEquals(1, ((Number) run.get("failed")).intValue(), run.toString());
      assertEquals(3, ((Number) run.get("passed")).intValue(), run.toString());
      Map<?, ?> failing = ((List<?>) run.get("specs")).stream().map(s -> (Map<?, ?>) s)
          .filter(s -> "failing".equals(s.get("outcome"))).findFirst().orElseThrow();
      assertEquals(FixtureProject.FAILING_SPEC, failing.get("spec"));
      assertTrue(((String) failing.get("at")).startsWith("src/main/eventmodel/cart.yaml:"), failing.toString());

      Map<?, ?> diff = (Map<?, ?>) failing.get("failure");
      assertEquals("expected events", diff.get("expectedTitle"), diff.toString());
      assertEquals("actual events", diff.get("actualTitle"));
      assertTrue(diff.get("expected").toString().contains("total: 24.98"), diff.toString());
      assertTrue(diff.get("actual").toString().contains("total: 24.97"), diff.toString());
      List<?> differing = ((List<?>) diff.get("rows")).stream().map(r -> (Map<?, ?>) r)
          .filter(r -> Boolean.TRUE.equals(r.get("differs"))).toList();
      assertFalse(differing.isEmpty(), diff.toString());

      String stream = "Cart-" + FixtureProject.CART;
      Map<String, Object> events = ok(client, "read_stream", Map.of("stream", stream));
      assertEquals(2, ((Number) events.get("streamVersion")).intValue(), events.toString());
      List<?> read = (List<?>) events.get("events");
      assertEquals("Ann", ((Map<?, ?>) ((Map<?, ?>) read.get(0)).get("data")).get("customer"), events.toString());

      // The build compiled the codec: the version 1 event comes back upcast, with the quantity the model sets.
      Map<String, Object> decoded = ok(client, "decode_event", Map.of("stream", stream, "version", 2));
      assertEquals(true, decoded.get("upcasted"), decoded.toString());
      assertEquals(1, ((Number) ((Map<?, ?>) decoded.get("currentJson")).get("quantity")).intValue());

      // A mistake comes back as a tool error with a code, not a stack trace.
      CallToolResult unknown = client.callTool(new CallToolRequest("show_element", Map.of("name", "SubmitCrt")));
      assertTrue(unknown.isError());
      assertEquals("ESM-0903", ((Map<?, ?>) ((Map<?, ?>) unknown.structuredContent()).get("error")).get("code"));
      assertTrue(text(unknown).contains("did you mean 'SubmitCart'"), text(unknown));

      CallToolResult outside = client.callTool(new CallToolRequest("read_log", Map.of("sqliteFile", "../../x.db")));
      assertTrue(outside.isError());
      assertTrue(text(outside).startsWith("ESM-0902"), text(outside));

      TextResourceContents page = (TextResourceContents) client
          .readResource(new ReadResourceRequest("eventsmith://errors/ESM-0103")).contents().get(0);
      assertTrue(page.text().startsWith("# ESM-0103"), page.text());
      String prompt = ((TextContent) client.getPrompt(new GetPromptRequest("fix_a_failing_build", Map.of()))
          .messages().get(0).content()).text();
      assertTrue(prompt.contains("run_specs"), prompt);
    }

    // Writing needs --writable and names the command types; the compiled decider decides.
    try (McpSyncClient client = client(project, "--store", "sqlite:target/app.db", "--writable",
        "--allow-commands", "CreateCart")) {
      client.initialize();
      String bob = "00000000-0000-4000-8000-0000000000b0";
      Map<String, Object> created = ok(client, "dispatch_command",
          Map.of("command", "CreateCart", "fields", Map.of("cartId", bob, "customer", "Bob")));
      assertEquals("accepted", created.get("outcome"), created.toString());
      Map<String, Object> again = ok(client, "dispatch_command",
          Map.of("command", "CreateCart", "fields", Map.of("cartId", bob, "customer", "Bob")));
      assertEquals("rejected", again.get("outcome"), again.toString());
      CallToolResult refused = client.callTool(new CallToolRequest("dispatch_command",
          Map.of("command", "AddItem", "fields", Map.of())));
      assertTrue(text(refused).startsWith("ESM-0907"), text(refused));
      Map<String, Object> log = ok(client, "read_log", Map.of());
      assertEquals(3, ((List<?>) log.get("events")).size(), log.toString());

      Map<String, Object> checkpoint = ok(client, "show_checkpoint", Map.of("view", "CartSummary"));
      assertEquals("cart_summary", checkpoint.get("storedAs"));
      assertEquals(0, ((Number) checkpoint.get("checkpoint")).intValue(), checkpoint.toString());
      assertEquals(3, ((Number) checkpoint.get("eventsBehind")).intValue(), checkpoint.toString());
    }
  }

  static McpSyncClient client(Path project, String... options) {
    List<String> args = new ArrayList<>(List.of("-jar", System.getProperty("eventsmith.mcp.jar"),
        "--project", project.toString()));
    args.addAll(FixtureProject.mavenArguments());
    args.addAll(List.of(options));
    ServerParameters server = ServerParameters.builder(java()).args(args).build();
    return McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
        .requestTimeout(Duration.ofMinutes(5))
        .initializationTimeout(Duration.ofSeconds(60))
        .build();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
    CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
    assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text(result));
    return (Map<String, Object>) result.structuredContent();
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
