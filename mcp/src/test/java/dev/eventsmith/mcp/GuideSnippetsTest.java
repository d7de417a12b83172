package dev.eventsmith.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.tool.ToolError;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration snippets of the guide and the README parse, and start the server with options it takes. */
class GuideSnippetsTest {

  private static final Pattern JSON = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyClientConfigurationStartsTheServerWithValidOptions() throws Exception {
    List<String> configurations = new ArrayList<>();
    for (Path doc : List.of(Path.of("../agent-guides/mcp.md"), Path.of("../README.md"))) {
      Matcher m = JSON.matcher(Files.readString(doc));
      while (m.find()) {
        if (m.group(1).contains("eventsmith-mcp")) {
          configurations.add(m.group(1));
        }
      }
    }
    assertEquals(4, configurations.size(), "Claude Code, Cursor and VS Code in the guide, one in the README");
    for (String text : configurations) {
      Map<?, ?> config = McpJsonDefaults.getMapper().readValue(text, Map.class);
      Map<?, ?> servers = (Map<?, ?>) (config.containsKey("mcpServers") ? config.get("mcpServers")
          : config.get("servers"));
      Map<?, ?> server = (Map<?, ?>) servers.get("eventsmith");
      assertEquals("java", server.get("command"), text);
      List<String> args = ((List<?>) server.get("args")).stream().map(Object::toString).toList();
      assertEquals("-jar", args.get(0), text);
      assertTrue(args.get(1).endsWith(".eventsmith/eventsmith-mcp-all.jar"), text);
      ServerOptions.parse(args.subList(2, args.size()).toArray(String[]::new));
    }
  }

  @Test
  void theGuideListsEveryOptionTheServerTakes() throws Exception {
    String guide = Files.readString(Path.of("../agent-guides/mcp.md"));
    Matcher options = Pattern.compile("(?m)^ {2}(--[a-z-]+)").matcher(ServerOptions.USAGE);
    while (options.find()) {
      if (!options.group(1).equals("--help")) {
        assertTrue(guide.contains("`" + options.group(1)), "the guide does not document " + options.group(1));
      }
    }
  }

  @Test
  void anOptionTheGuideDoesNotHaveIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(ToolError.class, () -> ServerOptions.parse("--read-only"));
  }
}
