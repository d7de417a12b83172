package dev.eventsmith.maven;

import dev.eventsmith.insight.ModelStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Shows each slice of the model (command, view, automation): whether its logic is written, and
 * how many of its specs pass, fail or did not run in the last test run. A table on the console and
 * JSON in {@code target/eventsmith/status.json}. Never fails the build: {@code check-specs} does.
 */
@Mojo(name = "status", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class StatusMojo extends ReportGoal {

  /** Where the status is written as JSON. */
  @Parameter(property = "eventsmith.status", defaultValue = "${project.build.directory}/eventsmith/status.json")
  private File statusFile;

  @Override
  public void execute() throws MojoExecutionException {
    if (skipped("status")) {
      return;
    }
    ProjectStatus status = ProjectStatus.read(statusRequest());
    Console.print(getLog(), status.diagnostics());
    for (ModelStatus model : status.statuses()) {
      getLog().info("Event model " + model.model() + " (" + model.packageName() + "):");
      model.table().lines().forEach(line -> getLog().info("  " + line));
    }
    try {
      Files.createDirectories(statusFile.toPath().toAbsolutePath().getParent());
      Files.writeString(statusFile.toPath(), ModelStatus.toJson(status.statuses()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + statusFile + ": " + e.getMessage(), e);
    }
    getLog().info("Status written to " + statusFile);
  }
}
