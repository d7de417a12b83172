package dev.eventsmith.mcp.project;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The user's project the server works in: its folder, its model folder and its build output. Every
 * path a tool is given is resolved here and refused when it leads outside the project, whether by
 * {@code ..}, an absolute path or a symbolic link. The model is read anew on every call, so edits
 * show at once.
 */
public final class Project {

  private final Path root;
  private final Path modelDir;

  /**
   * @param root the project folder; must exist
   * @param modelDir the model folder, inside the project
   */
  public Project(Path root, Path modelDir) {
    this.root = Objects.requireNonNull(root, "root");
    this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
  }

  /** Opens the project in {@code folder}, with its model in {@code model} (relative to the folder). */
  public static Project open(Path folder, String model) throws ToolError {
    Path root;
    try {
      root = folder.toRealPath();
    } catch (IOException | InvalidPathException e) {
      throw new ToolError(DiagnosticCode.MCP_BAD_OPTION, "the project folder " + folder + " does not exist",
          "Start the server in the project's folder or pass --project <folder>.");
    }
    if (!Files.isDirectory(root)) {
      throw new ToolError(DiagnosticCode.MCP_BAD_OPTION, "the project path " + folder + " is not a folder",
          "Pass the folder that holds the project's pom.xml with --project.");
    }
    Project project = new Project(root, root);
    return new Project(root, project.inside(model, "--model"));
  }

  /** The project folder, as a real path. */
  public Path root() {
    return root;
  }

  /** The model folder. */
  public Path modelDir() {
    return modelDir;
  }

  /** Where the build puts compiled classes. */
  public Path classes() {
    return root.resolve("target/classes");
  }

  /** Where Maven Surefire writes its test reports. */
  public Path testReports() {
    return root.resolve("target/surefire-reports");
  }

  /** {@code path} relative to the project, with forward slashes, as messages show it. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
  }

  /** Loads the model folder, or {@code path} (a file or folder in the project), naming files relative to the project. */
  public LoadResult load(Path path) {
    return ModelLoader.load(path, root);
  }

  /** The model, when it loads without error. */
  public EventModel model() throws ToolError {
    LoadResult result = load(modelDir);
    if (result.model().isEmpty()) {
      throw new ToolError(DiagnosticCode.MCP_MODEL_INVALID, "the model in " + display(modelDir) + " has "
          + result.errors().size() + " error(s), so this tool cannot answer; the first: "
          + result.errors().get(0).format().replace("\n", " "),
          "Call validate_model for every error with its file:line:column and hint, fix them, then call this again.");
    }
    return result.model().get();
  }

  /**
   * Resolves {@code given} (relative to the project, or absolute) to a path inside the project.
   * The longest existing part is resolved to its real path, so a symbolic link that leads out is
   * refused as {@code ..} is.
   *
   * @param argument the argument's name, for the message
   */
  public Path inside(String given, String argument) throws ToolError {
    Path candidate;
    try {
      candidate = root.resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw new ToolError(DiagnosticCode.MCP_BAD_ARGUMENT, argument + " '" + given + "' is not a valid path: "
          + e.getReason(), "Give a path relative to the project folder, e.g. src/main/eventmodel.");
    }
    Path real = realPathOfLongestExistingPart(candidate);
    if (real == null || !real.startsWith(root)) {
      throw new ToolError(DiagnosticCode.MCP_PATH_OUTSIDE_PROJECT, argument + " '" + given + "' leads outside the "
          + "project folder " + root + (real == null ? " (through a link to nowhere)"
              : real.equals(candidate) ? "" : " (to " + real + ")"),
          "Tools only read inside the project the server was started in; give a path relative to it, without '..' "
              + "and not through a link that leaves it.");
    }
    return real;
  }

  /** The real path of {@code path}'s longest existing part, with the rest appended; null for a dangling link. */
  private static Path realPathOfLongestExistingPart(Path path) {
    Path existing = path;
    Path rest = null;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest).normalize();
    } catch (IOException e) {
      // A dangling link: where it points cannot be checked, so it is refused.
      return null;
    }
  }
}
