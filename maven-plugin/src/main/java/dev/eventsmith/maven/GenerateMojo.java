package dev.eventsmith.maven;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the event model's code (records, contracts, codecs) into
 * {@code target/generated-sources/eventsmith} and adds that folder to the sources to compile. The
 * same generator as the annotation processor; a file whose content is unchanged is not rewritten.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends ModelGoal {

  /** Where the generated sources go: a folder this goal owns (it deletes files it no longer generates). */
  @Parameter(property = "eventsmith.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/eventsmith")
  private File outputDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("generation")) {
      return;
    }
    GenerateRequest request = new GenerateRequest(model.toPath(), project.getBasedir().toPath(),
        outputDirectory.toPath(), Optional.empty());
    Generation.Result result = generate(request);
    Console.print(getLog(), result.diagnostics());
    Console.failOnErrors(result.diagnostics(), "The event model " + model);
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    getLog().info(summary(result));
  }

  static Generation.Result generate(GenerateRequest request) throws MojoExecutionException {
    try {
      return Generation.run(request);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the generated sources to " + request.outputDir() + ": "
          + e.getMessage(), e);
    }
  }

  static String summary(Generation.Result result) {
    OutputDirectory.Changes changes = result.changes();
    String models = String.join(", ", result.models());
    if (!changes.any()) {
      return "Eventsmith: the generated code of " + models + " is up to date (" + changes.unchanged() + " files)";
    }
    return "Eventsmith: generated " + models + ": " + changes.written() + " file(s) written, " + changes.unchanged()
        + " unchanged, " + changes.deleted() + " deleted";
  }
}
