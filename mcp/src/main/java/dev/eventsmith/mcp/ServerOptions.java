package dev.eventsmith.mcp;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the server was started: the project, its model folder, an optional event store, whether that
 * store may be written and which command types may be dispatched, and how the build runs.
 *
 * @param store {@code sqlite:<file>} or {@code postgres:<jdbc url>}, empty for none
 * @param writable whether the store is opened for writing ({@code --writable}); read-only otherwise
 * @param allowedCommands the command types {@code dispatch_command} may send; empty: none
 * @param maven the Maven command; empty: the project's {@code mvnw}, else {@code mvn}
 * @param mavenArgs extra arguments for every build, e.g. {@code -s settings.xml}
 */
record ServerOptions(
    Path project,
    String model,
    Optional<String> store,
    boolean writable,
    Set<String> allowedCommands,
    Optional<String> maven,
    List<String> mavenArgs,
    Duration buildTimeout) {

  static final String USAGE = """
      Usage: java -jar eventsmith-mcp.jar [options]   (speaks MCP over stdin/stdout)
        --project <dir>          the project folder (default: the current folder)
        --model <dir>            its model folder, relative to the project (default: src/main/eventmodel)
        --store <store>          an event store to inspect: sqlite:<file> (relative to the project or
                                 absolute) or postgres:<jdbc url> (password from EVENTSMITH_STORE_PASSWORD)
        --writable               open the store for writing (read-only otherwise)
        --allow-commands <A,B>   command types dispatch_command may send (needs --writable)
        --maven <command>        the Maven command (default: the project's ./mvnw, else mvn)
        --maven-arg <arg>        an extra argument for every build; repeat for several
        --build-timeout <secs>   how long one build may take (default: 600)
        --help                   this text
      """;

  ServerOptions {
    allowedCommands = Set.copyOf(allowedCommands);
    mavenArgs = List.copyOf(mavenArgs);
  }

  /** Reads the command line; a mistake is a {@link ToolError} with code ESM-0912 that says which option. */
  static ServerOptions parse(String... args) throws ToolError {
    Path project = Path.of("");
    String model = "src/main/eventmodel";
    Optional<String> store = Optional.empty();
    boolean writable = false;
    Set<String> allowed = new LinkedHashSet<>();
    Optional<String> maven = Optional.empty();
    List<String> mavenArgs = new ArrayList<>();
    Duration timeout = Duration.ofMinutes(10);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String inline = null;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0) {
        inline = option.substring(equals + 1);
        option = option.substring(0, equals);
      }
      if (option.equals("--writable")) {
        if (inline != null) {
          throw bad("--writable takes no value");
        }
        writable = true;
        continue;
      }
      if (!List.of("--project", "--model", "--store", "--allow-commands", "--maven", "--maven-arg", "--build-timeout")
          .contains(option)) {
        throw bad("unknown option '" + args[i] + "'");
      }
      String value;
      if (inline != null) {
        value = inline;
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw bad(option + " needs a value");
      }
      switch (option) {
        case "--project" -> project = Path.of(value);
        case "--model" -> model = value;
        case "--store" -> store = Optional.of(value);
        case "--allow-commands" -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .forEach(allowed::add);
        case "--maven" -> maven = Optional.of(value);
        case "--maven-arg" -> mavenArgs.add(value);
        default -> timeout = seconds(value);
      }
    }
    if (!allowed.isEmpty() && !writable) {
      throw bad("--allow-commands needs --writable: commands are never dispatched to a store opened read-only");
    }
    if (writable && store.isEmpty()) {
      throw bad("--writable needs --store");
    }
    return new ServerOptions(project, model, store, writable, allowed, maven, mavenArgs, timeout);
  }

  private static Duration seconds(String text) throws ToolError {
    try {
      long seconds = Long.parseLong(text);
      if (seconds < 1 || seconds > 86_400) {
        throw bad("--build-timeout must be between 1 and 86400 seconds, not " + seconds);
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw bad("--build-timeout takes a number of seconds, not '" + text + "'");
    }
  }

  private static ToolError bad(String problem) {
    return new ToolError(DiagnosticCode.MCP_BAD_OPTION, problem, "Run with --help for the options.");
  }
}
