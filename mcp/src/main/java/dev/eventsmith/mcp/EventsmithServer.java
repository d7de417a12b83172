package dev.eventsmith.mcp;

import dev.eventsmith.mcp.guide.GuideResources;
import dev.eventsmith.mcp.guide.Guides;
import dev.eventsmith.mcp.guide.Prompts;
import dev.eventsmith.mcp.model.ModelTools;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.api.RuntimeApi;
import dev.eventsmith.mcp.build.BuildTools;
import dev.eventsmith.mcp.build.MavenBuild;
import dev.eventsmith.mcp.store.StoreTools;
import dev.eventsmith.mcp.tool.ToolCalls;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Puts the server together: the tools, resources and prompts over one project, on a transport. */
final class EventsmithServer implements AutoCloseable {

  static final String NAME = "eventsmith";

  private static final String INSTRUCTIONS = """
      Eventsmith: an event model in YAML (src/main/eventmodel) becomes typed Java code and one JUnit test \
      per spec; hand-written classes implement the generated contracts. Work in this loop: edit the YAML, \
      call validate_model until it is valid, show_contract for the methods to write, write them, then \
      run_specs for the slice until its specs pass (a failing spec comes back with expected and actual side \
      by side). list_slices and show_element read the model; slice_status shows every slice's state; the \
      store tools read the event store read-only. Errors carry a code whose page explain_code gives.""";

  private final List<AutoCloseable> resources;
  private final McpSyncServer server;

  private EventsmithServer(McpSyncServer server, List<AutoCloseable> resources) {
    this.server = server;
    this.resources = resources;
  }

  /** Starts serving {@code project} on {@code transport}; {@code log} gets what the server logs. */
  static EventsmithServer start(ServerOptions options, Project project, McpServerTransportProvider transport,
      McpJsonMapper json, PrintStream log) throws ToolError {
    Guides guides = Guides.bundled();
    StoreTools store = new StoreTools(project, options.store(), options.writable(), options.allowedCommands(),
        System.getenv(), json);
    List<ToolSpec> tools = new ArrayList<>(new ModelTools(project, guides).tools());
    tools.add(RuntimeApi.onClassPath(Version.current()).tool());
    tools.addAll(new BuildTools(project,
        new MavenBuild(project.root(), options.maven(), options.mavenArgs(), options.buildTimeout()), json).tools());
    tools.addAll(store.tools());
    ToolCalls calls = new ToolCalls(json, log);
    GuideResources library = new GuideResources(guides);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo(NAME, Version.current())
        .instructions(INSTRUCTIONS)
        .jsonMapper(json)
        // Arguments are checked by each tool, so a mistake comes back with a code and a hint.
        .validateToolInputs(false)
        .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build())
        .tools(tools.stream().map(calls::specification).toList())
        .resources(library.resources())
        .resourceTemplates(library.templates())
        .prompts(new Prompts(guides).prompts())
        .build();
    return new EventsmithServer(server, List.of(store));
  }

  @Override
  public void close() {
    server.closeGracefully();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing on the way out: nothing is left to tell.
      }
    }
  }
}
