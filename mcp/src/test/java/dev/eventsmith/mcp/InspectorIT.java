package dev.eventsmith.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP Inspector's CLI (the protocol's reference client, from tools/node) lists the server's
 * tools. Without Node.js or the package the test is skipped, except in CI (EVENTSMITH_CI=1), where
 * it fails: there .ci/run installs them.
 */
class InspectorIT {

  private static final Path INSPECTOR = Path.of(System.getProperty("eventsmith.repository"),
      "tools", "node", "node_modules", ".bin", "mcp-inspector");

  @TempDir
  Path temp;

  @Test
  void theInspectorListsEveryTool() throws Exception {
    requireInspector();
    Path project = FixtureProject.create(temp.resolve("cart"));
    List<String> command = new ArrayList<>(List.of(INSPECTOR.toString(), "--cli", McpServerIT.java(), "-jar",
        System.getProperty("eventsmith.mcp.jar"), "--project", project.toString(), "--method", "tools/list"));
    Process inspector = new ProcessBuilder(command).redirectError(temp.resolve("stderr.txt").toFile()).start();
    inspector.getOutputStream().close();
    String out = new String(inspector.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!inspector.waitFor(2, TimeUnit.MINUTES)) {
      inspector.destroyForcibly();
      fail("the inspector did not finish: " + out);
    }
    assertEquals(0, inspector.exitValue(), out + Files.readString(temp.resolve("stderr.txt")));
    Map<?, ?> listed = McpJsonDefaults.getMapper().readValue(out, Map.class);
    List<?> names = ((List<?>) listed.get("tools")).stream().map(t -> ((Map<?, ?>) t).get("name")).toList();
    assertEquals(List.of("validate_model", "explain_code", "list_slices", "show_element", "show_contract",
        "runtime_api", "run_specs", "slice_status", "read_stream", "read_log", "decode_event", "show_checkpoint"),
        names);
    assertTrue(out.contains("\"readOnlyHint\": true"), out);
  }

  private static void requireInspector() {
    if (Files.isExecutable(INSPECTOR)) {
      return;
    }
    String how = "the MCP Inspector is not installed in tools/node: run `npm ci --prefix tools/node` (Node.js 20+)";
    if ("1".equals(System.getenv("EVENTSMITH_CI"))) {
      fail("EVENTSMITH_CI=1 and " + how);
    }
    abort(how);
  }
}
