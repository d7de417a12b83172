package dev.eventsmith.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals that judge a built project read besides the model: its compiled code and test reports. */
abstract class ReportGoal extends ModelGoal {

  /** The JUnit XML reports of the last test run. */
  @Parameter(property = "eventsmith.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
  protected File reportsDirectory;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  protected File classesDirectory;

  protected StatusRequest statusRequest() {
    return new StatusRequest(model.toPath(), project.getBasedir().toPath(), classesDirectory.toPath(),
        reportsDirectory.toPath());
  }
}
