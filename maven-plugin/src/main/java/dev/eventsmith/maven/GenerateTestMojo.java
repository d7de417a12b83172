package dev.eventsmith.maven;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates one JUnit class per slice, one test per spec, into
 * {@code target/generated-test-sources/eventsmith} and adds that folder to the test sources. Runs
 * after {@code compile}: the tests call the hand-written deciders, projectors and automations,
 * which it finds in the compiled classes (read, never loaded).
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class GenerateTestMojo extends ModelGoal {

  /** Where the generated tests go: a folder this goal owns (it deletes files it no longer generates). */
  @Parameter(property = "eventsmith.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/eventsmith")
  private File outputDirectory;

  /** The compiled hand-written code. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  /** Skip generating the tests with the tests themselves ({@code -Dmaven.test.skip}). */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  private boolean testSkip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || testSkip) {
      getLog().info("Eventsmith spec tests skipped (" + (skip ? "eventsmith.skip" : "maven.test.skip") + ")");
      return;
    }
    GenerateRequest request = new GenerateRequest(model.toPath(), project.getBasedir().toPath(),
        outputDirectory.toPath(), Optional.of(classesDirectory.toPath()));
    Generation.Result result = GenerateMojo.generate(request);
    // The model's warnings were shown by 'generate' already; only what stops the tests matters here.
    Console.print(getLog(), result.diagnostics().stream().filter(Diagnostic::isError).toList());
    Console.failOnErrors(result.diagnostics(), "Generating the spec tests of " + model);
    project.addTestCompileSourceRoot(outputDirectory.getAbsolutePath());
    getLog().info(GenerateMojo.summary(result));
  }
}
