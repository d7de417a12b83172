package dev.eventsmith.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal reads: the model, the project, and the flag that skips them all. */
abstract class ModelGoal extends AbstractMojo {

  /** The model: a YAML file or a folder of them. */
  @Parameter(property = "eventsmith.model", defaultValue = "${project.basedir}/src/main/eventmodel")
  protected File model;

  /** Skip every Eventsmith goal. */
  @Parameter(property = "eventsmith.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Whether this goal is skipped; says so on the console if it is. */
  protected boolean skipped(String what) {
    if (skip) {
      getLog().info("Eventsmith " + what + " skipped (eventsmith.skip)");
    }
    return skip;
  }
}
