package dev.eventsmith.maven;

import dev.eventsmith.insight.SpecStatus;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when a spec of the model did not run as a test, naming each one: a test runner
 * that runs no JUnit 5 test (surefire before 2.22 reports "Tests run: 0" and BUILD SUCCESS), a
 * missing {@code @EventModelSpecs}, a stray filter. A {@code -Dtest} filter excuses the specs it
 * leaves out, and so does {@code -Deventsmith.allowSpecsNotRun=true}.
 */
@Mojo(name = "check-specs", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckSpecsMojo extends ReportGoal {

  /** Accept specs that did not run (e.g. when running a chosen few by a filter other than -Dtest). */
  @Parameter(property = "eventsmith.allowSpecsNotRun", defaultValue = "false")
  private boolean allowNotRun;

  @Parameter(defaultValue = "${project.build.testSourceDirectory}", readonly = true)
  private File testSourceDirectory;

  /** With the tests skipped there is nothing to check. */
  @Parameter(property = "skipTests", defaultValue = "false")
  private boolean skipTests;

  /** With the tests skipped there is nothing to check. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  private boolean testSkip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipTests || testSkip) {
      getLog().info("Eventsmith check of specs skipped (" + (skip ? "eventsmith.skip" : "the tests are skipped") + ")");
      return;
    }
    Optional<String> filter = Optional.ofNullable(session.getUserProperties().getProperty("test"))
        .or(() -> Optional.ofNullable(session.getSystemProperties().getProperty("test")))
        .filter(f -> !f.isBlank());
    boolean requested = PluginBindings.binds(project, "generate-test")
        || new SpecTrigger(testSourceDirectory.toPath()).present();
    SpecCheck.Request request = new SpecCheck.Request(
        statusRequest(),
        allowNotRun, filter, PluginBindings.mavenPluginVersion(project, "maven-surefire-plugin"), requested);
    SpecCheck.Verdict verdict = SpecCheck.run(request);
    if (!verdict.excused().isEmpty()) {
      getLog().info(verdict.excused().size() + " spec(s) did not run, excused by "
          + filter.map(f -> "-Dtest=" + f).orElse("eventsmith.allowSpecsNotRun") + ":");
      verdict.excused().stream().map(SpecStatus::describe).forEach(s -> getLog().info("  " + s));
    }
    Console.print(getLog(), verdict.errors());
    if (!verdict.errors().isEmpty()) {
      StringBuilder message = new StringBuilder(Path.of(project.getBasedir().toURI()).relativize(model.toPath())
          + ": " + verdict.errors().size() + " spec(s) did not run as tests, listed above with their file:line."
          + " Why none ran:");
      verdict.reasons().forEach(reason -> message.append("\n  - ").append(reason));
      message.append("\n").append(Console.ERROR_PAGES);
      throw new MojoFailureException(message.toString());
    }
    getLog().info("Eventsmith: all " + verdict.ran() + " spec(s) ran as tests");
  }
}
