package dev.eventsmith.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Draws the event model as an Event Modeling board: {@code target/eventsmith/<Model>.html}, one
 * self-contained page where clicking an element shows its fields and specs, and
 * {@code <Model>.svg} for a README. With test reports present, each slice shows whether its specs pass.
 */
@Mojo(name = "diagram", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class DiagramMojo extends ReportGoal {

  /** Where the page and the image go. */
  @Parameter(property = "eventsmith.diagramDirectory", defaultValue = "${project.build.directory}/eventsmith")
  private File outputDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("diagram")) {
      return;
    }
    DiagramRequest request = new DiagramRequest(statusRequest(), outputDirectory.toPath());
    DiagramFiles.Result result;
    try {
      result = DiagramFiles.write(request);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the diagram to " + outputDirectory + ": " + e.getMessage(), e);
    }
    Console.print(getLog(), result.diagnostics());
    Console.failOnErrors(result.diagnostics(), "The event model " + model);
    for (Path page : result.pages()) {
      getLog().info("Event model diagram: " + page.toUri());
    }
  }
}
