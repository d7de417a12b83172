package dev.eventsmith.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsServeTheCurrentFolderReadOnly() throws ToolError {
    ServerOptions options = ServerOptions.parse();
    assertEquals(Path.of(""), options.project());
    assertEquals("src/main/eventmodel", options.model());
    assertEquals(Optional.empty(), options.store());
    assertEquals(false, options.writable());
    assertEquals(Set.of(), options.allowedCommands());
    assertEquals(Duration.ofMinutes(10), options.buildTimeout());
  }

  @Test
  void everyOptionInBothSpellings() throws ToolError {
    ServerOptions options = ServerOptions.parse("--project", "shop", "--model=model", "--store", "sqlite:app.db",
        "--writable", "--allow-commands", "AddItem, CreateCart", "--maven", "/opt/mvn", "--maven-arg=-o",
        "--maven-arg", "-Pfast", "--build-timeout=90");
    assertEquals(Path.of("shop"), options.project());
    assertEquals("model", options.model());
    assertEquals(Optional.of("sqlite:app.db"), options.store());
    assertEquals(Set.of("AddItem", "CreateCart"), options.allowedCommands());
    assertEquals(Optional.of("/opt/mvn"), options.maven());
    assertEquals(List.of("-o", "-Pfast"), options.mavenArgs());
    assertEquals(Duration.ofSeconds(90), options.buildTimeout());
  }

  @Test
  void commandsAreNeverAllowedOnAReadOnlyStore() {
    assertEquals("--allow-commands needs --writable: commands are never dispatched to a store opened read-only",
        refused("--store", "sqlite:a.db", "--allow-commands", "AddItem"));
    assertEquals("--writable needs --store", refused("--writable"));
  }

  @Test
  void mistakesSayWhichOption() {
    assertEquals("unknown option '--projct'", refused("--projct", "x"));
    assertEquals("--store needs a value", refused("--store"));
    assertEquals("--model needs a value", refused("--model", "--writable"));
    assertEquals("--writable takes no value", refused("--writable=yes"));
    assertEquals("--build-timeout takes a number of seconds, not 'soon'", refused("--build-timeout", "soon"));
    assertEquals("--build-timeout must be between 1 and 86400 seconds, not 0", refused("--build-timeout", "0"));
  }

  private static String refused(String... args) {
    ToolError error = assertThrows(ToolError.class, () -> ServerOptions.parse(args));
    assertEquals(DiagnosticCode.MCP_BAD_OPTION, error.code());
    return error.getMessage();
  }
}
