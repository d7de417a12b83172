package dev.eventsmith.mcp.store;

import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The project's compiled classes ({@code target/classes}) in a class loader of their own, whose
 * parent gives them the runtime this server carries (so a generated codec is an {@code EventCodec}
 * here). A new loader replaces the old one when the classes change on disk, so a rebuild is seen.
 */
final class ProjectClasses {

  private final Project project;
  private URLClassLoader loader;
  private long fingerprint;

  ProjectClasses(Project project) {
    this.project = project;
  }

  /** The class {@code name} of the project. */
  synchronized Class<?> load(String name) throws ToolError {
    Path classes = project.classes();
    if (!Files.isDirectory(classes)) {
      throw notCompiled("there is no " + project.display(classes));
    }
    long now = fingerprint(classes);
    if (loader == null || now != fingerprint) {
      close();
      try {
        loader = new URLClassLoader("eventsmith-project", new URL[] {classes.toUri().toURL()},
            ProjectClasses.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("a folder's URI is a URL", e);
      }
      fingerprint = now;
    }
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw notCompiled(name + " is not among the compiled classes in " + project.display(classes));
    } catch (LinkageError e) {
      throw new ToolError(DiagnosticCode.MCP_NOT_COMPILED, name + " cannot be loaded: " + e,
          "Rebuild the project (run_specs or ./mvnw compile); if it needs a library the server does not carry, this "
              + "tool cannot use it.");
    }
  }

  private static ToolError notCompiled(String problem) {
    return new ToolError(DiagnosticCode.MCP_NOT_COMPILED, problem,
        "Compile the project first: run_specs does, or ./mvnw compile.");
  }

  private static long fingerprint(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class")).mapToLong(f -> {
        try {
          return Files.getLastModifiedTime(f).toMillis() * 31 + Files.size(f) + f.hashCode();
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  synchronized void close() {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        // The old loader's jar handles are let go either way.
      }
      loader = null;
    }
  }
}
