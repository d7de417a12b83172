package dev.eventsmith.mcp;

import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.ToolError;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the Eventsmith MCP server on stdin/stdout: {@code java -jar eventsmith-mcp.jar --project .}.
 * Standard output carries the protocol only; everything else the process prints goes to stderr.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream protocol = System.out;
    PrintStream log = System.err;
    // A library or a user class that prints would corrupt the protocol: its output goes to the log.
    System.setOut(log);
    if (Arrays.asList(args).contains("--help")) {
      log.print(ServerOptions.USAGE);
      System.exit(0);
    }
    McpJsonMapper json = McpJsonDefaults.getMapper();
    EndOfInput input = new EndOfInput(System.in);
    EventsmithServer server;
    try {
      ServerOptions options = ServerOptions.parse(args);
      Project project = Project.open(options.project(), options.model());
      server = EventsmithServer.start(options, project, new StdioServerTransportProvider(json, input, protocol), json,
          log);
      log.println("eventsmith-mcp " + Version.current() + ": serving " + project.root() + " on stdio");
    } catch (ToolError e) {
      log.println("eventsmith-mcp: " + e.code().id() + ": " + e.getMessage());
      log.println("  hint: " + e.hint());
      System.exit(2);
      return;
    }
    try (server) {
      input.await();
    }
    System.exit(0);
  }

  /** The client's end of the conversation: stdin closes when the client stops the server. */
  private static final class EndOfInput extends FilterInputStream {
    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return seen(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return seen(super.read(b, off, len));
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }

    private int seen(int result) {
      if (result < 0) {
        ended.countDown();
      }
      return result;
    }

    void await() throws InterruptedException {
      ended.await();
    }
  }
}
