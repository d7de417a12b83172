package dev.eventsmith.mcp.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths given to tools stay in the project, however they try to leave it. */
class ProjectTest {

  @TempDir
  Path temp;

  private Path root;
  private Project project;

  @BeforeEach
  void project() throws Exception {
    root = Files.createDirectories(temp.resolve("project"));
    Files.createDirectories(root.resolve("src/main/eventmodel"));
    Files.writeString(temp.resolve("secret.db"), "x");
    project = Project.open(root, "src/main/eventmodel");
  }

  @Test
  void pathsInsideAreResolvedToRealPaths() throws Exception {
    assertEquals(root.toRealPath().resolve("target/app.db"), project.inside("target/app.db", "file"));
    assertEquals(root.toRealPath().resolve("src/main/eventmodel"),
        project.inside("src/../src/main/eventmodel", "path"));
    assertEquals(root.toRealPath().resolve("x.db"), project.inside(root.resolve("x.db").toString(), "file"));
  }

  @Test
  void dotDotAbsolutePathsAndLinksThatLeaveAreRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("escape"), temp);
    Files.createSymbolicLink(root.resolve("secret.db"), temp.resolve("secret.db"));
    Files.createSymbolicLink(root.resolve("nowhere"), temp.resolve("gone"));
    for (String given : new String[] {"../secret.db", "src/../../secret.db", temp.resolve("secret.db").toString(),
        "/etc/passwd", "escape/secret.db", "escape/new/file.db", "secret.db", "nowhere"}) {
      ToolError error = assertThrows(ToolError.class, () -> project.inside(given, "file"), given);
      assertEquals(DiagnosticCode.MCP_PATH_OUTSIDE_PROJECT, error.code(), given);
      assertTrue(error.getMessage().startsWith("file '" + given + "' leads outside the project folder"),
          error.getMessage());
    }
  }

  @Test
  void aLinkThatStaysInsideIsFollowed() throws Exception {
    Files.createSymbolicLink(root.resolve("model"), root.resolve("src/main/eventmodel"));
    assertEquals(root.toRealPath().resolve("src/main/eventmodel/cart.yaml"),
        project.inside("model/cart.yaml", "path"));
  }

  @Test
  void aMissingProjectOrAModelFolderOutsideIsAnOptionError() {
    assertEquals(DiagnosticCode.MCP_BAD_OPTION,
        assertThrows(ToolError.class, () -> Project.open(temp.resolve("nope"), "x")).code());
    assertEquals(DiagnosticCode.MCP_PATH_OUTSIDE_PROJECT,
        assertThrows(ToolError.class, () -> Project.open(root, "../elsewhere")).code());
  }
}
