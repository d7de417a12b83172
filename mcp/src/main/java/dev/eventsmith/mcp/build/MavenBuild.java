package dev.eventsmith.mcp.build;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs Maven in the project as a child process: its output goes to a log file (never to the
 * server's stdout, which carries the protocol), it gets no input, and it is killed with all its
 * children when it outlives its time limit. One build at a time: two would trample each other's
 * {@code target/}.
 */
public final class MavenBuild {

  /** What a build did. */
  record Outcome(List<String> command, int exitCode, Duration took, Path log) {}

  private final Path project;
  private final Optional<String> maven;
  private final List<String> extraArgs;
  private final Duration timeout;
  private final ReentrantLock oneAtATime = new ReentrantLock();

  /**
   * @param maven the Maven command; empty: the project's {@code mvnw}, else {@code mvn}
   * @param extraArgs added to every build, before the goals
   */
  public MavenBuild(Path project, Optional<String> maven, List<String> extraArgs, Duration timeout) {
    this.project = project;
    this.maven = maven;
    this.extraArgs = List.copyOf(extraArgs);
    this.timeout = timeout;
  }

  /** Runs Maven with {@code args} after the common ones, logging to {@code log}. */
  Outcome run(List<String> args, Path log) throws ToolError {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.add("-B");
    command.add("-ntp");
    command.addAll(extraArgs);
    command.addAll(args);
    oneAtATime.lock();
    try {
      Files.createDirectories(log.getParent());
      long start = System.nanoTime();
      Process process;
      try {
        process = new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
            .start();
      } catch (IOException e) {
        throw new ToolError(DiagnosticCode.MCP_BUILD_NOT_STARTED, "cannot start the build `" + String.join(" ", command)
            + "`: " + e.getMessage(), "Install Maven or add the Maven wrapper (mvnw) to the project, or start the "
            + "server with --maven <command>.");
      }
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        stop(process);
        Thread.currentThread().interrupt();
        throw new ToolError(DiagnosticCode.MCP_BUILD_TIMED_OUT, "the build was interrupted", "Call the tool again.");
      }
      if (!finished) {
        stop(process);
        throw new ToolError(DiagnosticCode.MCP_BUILD_TIMED_OUT, "the build `" + String.join(" ", command)
            + "` took longer than " + timeout.toSeconds() + " s and was stopped; its output is in " + log,
            "Look at the end of the log for what it waited on; start the server with a longer --build-timeout if "
                + "the build is just slow.");
      }
      return new Outcome(List.copyOf(command), process.exitValue(), Duration.ofNanos(System.nanoTime() - start), log);
    } catch (IOException e) {
      throw new ToolError(DiagnosticCode.MCP_BUILD_NOT_STARTED, "cannot write the build log " + log + ": "
          + e.getMessage(), "Check that the project's target folder is writable.");
    } finally {
      oneAtATime.unlock();
    }
  }

  /** The last {@code count} lines of a build's log. */
  static List<String> tail(Path log, int count) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.subList(Math.max(0, lines.size() - count), lines.size());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private String executable() {
    if (maven.isPresent()) {
      return maven.get();
    }
    Path wrapper = project.resolve(isWindows() ? "mvnw.cmd" : "mvnw");
    return Files.isExecutable(wrapper) ? wrapper.toString() : isWindows() ? "mvn.cmd" : "mvn";
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }
}
