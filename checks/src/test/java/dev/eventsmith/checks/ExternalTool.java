package dev.eventsmith.checks;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external tool a test drives, such as a Node.js script of {@code tools/node}. The convention
 * shared by the repository's tests: in CI ({@code EVENTSMITH_CI=1}, set by {@code .ci/run}) a
 * missing tool fails the test; elsewhere the test is skipped with an assumption that says what to
 * install.
 */
final class ExternalTool {

  static final Path NODE_TOOLS = Repository.ROOT.resolve("tools/node");

  private ExternalTool() {}

  /** Stops the test unless Node.js and the npm packages of tools/node are installed. */
  static void requireNodeTools(String... packages) {
    String missing = null;
    if (!runs("node", "--version")) {
      missing = "Node.js (node on the PATH)";
    } else {
      for (String p : packages) {
        if (!Files.isDirectory(NODE_TOOLS.resolve("node_modules").resolve(p))) {
          missing = "the npm package " + p + " in tools/node";
          break;
        }
      }
    }
    if (missing == null) {
      return;
    }
    String how = missing + " is missing: run `npm ci --prefix tools/node` (needs Node.js 20+ and npm)";
    if ("1".equals(System.getenv("EVENTSMITH_CI"))) {
      fail("EVENTSMITH_CI=1 and " + how);
    }
    abort(how);
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a script of tools/node with {@code stdin} as its input; returns its standard output. */
  static String node(String script, String stdin, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", NODE_TOOLS.resolve(script).toString()));
    command.addAll(List.of(arguments));
    Path errors = Files.createTempFile("node-", ".err");
    Process p = new ProcessBuilder(command).directory(NODE_TOOLS.toFile()).redirectError(errors.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      fail(command + " failed:\n" + out + "\n" + Files.readString(errors));
    }
    Files.delete(errors);
    return out;
  }
}
