package dev.eventsmith.maven;

import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.maven.strength.Mutant;
import dev.eventsmith.maven.strength.SpecStrength;
import dev.eventsmith.maven.strength.StrengthJson;
import dev.eventsmith.maven.strength.StrengthRequest;
import dev.eventsmith.spec.model.EventModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Measures how well the specs pin down the hand-written logic (opt-in: it is slow). PIT changes the
 * deciders, projectors and automations one operator at a time and runs the generated spec tests;
 * each change no spec notices is reported with its file:line, e.g. "no spec fails when
 * GiftCard.java:36 {@code >} becomes {@code >=}: add a spec at that boundary", on the console and in
 * {@code target/eventsmith/spec-strength.json}. Run it after the tests compile:
 * {@code mvn test-compile eventsmith:spec-strength}.
 */
@Mojo(name = "spec-strength", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class SpecStrengthMojo extends ModelGoal {

  /** Where the report is written as JSON. */
  @Parameter(property = "eventsmith.strengthReport",
      defaultValue = "${project.build.directory}/eventsmith/spec-strength.json")
  private File reportFile;

  /** Fail the build when some change to the logic is noticed by no spec. */
  @Parameter(property = "eventsmith.failOnGaps", defaultValue = "false")
  private boolean failOnGaps;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("spec strength")) {
      return;
    }
    List<String> logic = new ArrayList<>();
    TreeSet<String> tests = new TreeSet<>();
    for (ModelValidation.Found found : new ModelValidation(model.toPath(), project.getBasedir().toPath()).models()) {
      Console.failOnErrors(found.result().errors(), "The event model " + model);
      EventModel eventModel = found.result().model().orElseThrow();
      logic.addAll(HandWrittenCode.scan(eventModel, classesDirectory.toPath()).classes());
      eventModel.specs().forEach(spec -> tests.add(SpecTestNames.testClass(eventModel, spec)));
    }
    if (logic.isEmpty() || tests.isEmpty()) {
      getLog().warn("Eventsmith: no hand-written logic with specs to measure (compile the project and its tests"
          + " first: mvn test-compile eventsmith:spec-strength)");
      return;
    }
    StrengthRequest request = new StrengthRequest(project.getBasedir().toPath(), logic, List.copyOf(tests),
        project.getCompileSourceRoots().stream().map(Path::of).toList(), testClasspath(), pitClasspath(),
        Path.of(System.getProperty("java.home"), "bin", "java"), reportFile.toPath().toAbsolutePath().getParent());
    getLog().info("Eventsmith: mutating " + String.join(", ", logic) + " against " + tests.size()
        + " spec test class(es); this takes a while");
    SpecStrength.Report report;
    try {
      report = SpecStrength.run(request);
      Files.writeString(reportFile.toPath(), StrengthJson.of(report), StandardCharsets.UTF_8);
    } catch (SpecStrength.RunFailed e) {
      throw new MojoFailureException("error[ESM-0803]: spec strength could not be measured: " + e.getMessage()
          + "\n  hint: every spec must pass before its strength can be measured; run mvn verify first. "
          + Console.ERROR_PAGES);
    } catch (IOException e) {
      throw new MojoExecutionException("spec strength failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while measuring spec strength", e);
    }
    for (Mutant gap : report.gaps()) {
      getLog().warn(gap.file() + ":" + gap.line() + ": warning[ESM-0802]: " + gap.finding());
    }
    getLog().info("Eventsmith spec strength: the specs noticed " + report.killed() + " of " + report.mutants()
        + " changes to the logic; " + report.gaps().size() + " went unnoticed. Report: " + reportFile);
    if (failOnGaps && !report.gaps().isEmpty()) {
      throw new MojoFailureException(report.gaps().size() + " change(s) to the logic went unnoticed by every spec"
          + " (ESM-0802), listed above with their file:line. " + Console.ERROR_PAGES);
    }
  }

  private List<Path> testClasspath() throws MojoExecutionException {
    try {
      return project.getTestClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the test class path is not resolved: " + e.getMessage(), e);
    }
  }

  /**
   * PIT, its JUnit 5 plugin and what they depend on; JUnit's launcher only when the project's tests
   * do not bring their own (a launcher must match the project's JUnit).
   */
  private List<Path> pitClasspath() throws MojoExecutionException {
    boolean projectHasLauncher = testClasspath().stream()
        .anyMatch(p -> p.getFileName().toString().startsWith("junit-platform-launcher"));
    return pluginArtifacts.stream()
        .filter(a -> a.getGroupId().equals("org.pitest") || viaPit(a)
            || (!projectHasLauncher && a.getArtifactId().equals("junit-platform-launcher")))
        .map(a -> a.getFile().toPath())
        .toList();
  }

  private static boolean viaPit(Artifact artifact) {
    List<String> trail = artifact.getDependencyTrail();
    return trail != null && trail.stream().anyMatch(step -> step.startsWith("org.pitest:"));
  }
}
