package dev.eventsmith.maven;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new Eventsmith project in the current folder: the same files as
 * {@code archetype:generate} with eventsmith-archetype of this version. Refuses to overwrite any
 * file; other files in the folder (a {@code .git}, notes) may stay.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public final class InitMojo extends AbstractMojo {

  /** The new project's groupId. */
  @Parameter(property = "groupId", defaultValue = "com.example")
  private String groupId;

  /** The new project's artifactId; by default the name of the folder. */
  @Parameter(property = "artifactId")
  private String artifactId;

  /** The new project's version. */
  @Parameter(property = "version", defaultValue = "1.0-SNAPSHOT")
  private String version;

  /** The Java package of the model and its code; by default the groupId. */
  @Parameter(property = "package")
  private String packageName;

  /** The folder Maven was started in: the project goes there. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  private File folder;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path target = folder.toPath().toAbsolutePath().normalize();
    String artifact = artifactId != null ? artifactId : String.valueOf(target.getFileName());
    ProjectCoordinates coordinates =
        new ProjectCoordinates(groupId, artifact, version, packageName != null ? packageName : groupId);
    List<String> problems = coordinates.problems();
    if (!problems.isEmpty()) {
      throw new MojoFailureException(String.join("\n", problems));
    }
    NewProject project = new NewProject(target, ProjectTemplate.load(InitMojo.class.getClassLoader())
        .render(coordinates));
    List<String> existing = project.existing();
    if (!existing.isEmpty()) {
      throw new MojoFailureException(target + ": error[" + DiagnosticCode.EXISTING_PROJECT_FILES.id() + "]: a new"
          + " project would overwrite " + existing.size() + " existing file(s), so nothing was written: "
          + existing.stream().collect(Collectors.joining(", "))
          + "\n  hint: run init in an empty folder, or move these files away first.");
    }
    try {
      int written = project.write();
      getLog().info("Created the Eventsmith project " + coordinates.groupId() + ":" + coordinates.artifactId()
          + " (package " + coordinates.packageName() + ", " + written + " files) in " + target);
      getLog().info("Next: ./mvnw verify   (AGENTS.md says what to do from there)");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the new project into " + target + ": " + e.getMessage(), e);
    }
  }
}
