package dev.eventsmith.maven;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.Severity;
import dev.eventsmith.spec.model.EventModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks the event model and prints every diagnostic as {@code file:line:col: severity[code]: message}
 * with a hint; fails the build when there is an error (or a warning, with {@code failOnWarning}).
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends ModelGoal {

  /** The folder that file names in diagnostics are relative to. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  private File baseDir;

  /**
   * Where the diagnostics are also written as JSON, for tools and agents. The pages they link to
   * (one per code, the model format, the JSON Schema) are written next to it.
   */
  @Parameter(property = "eventsmith.report", defaultValue = "${project.build.directory}/eventsmith/diagnostics.json")
  private File report;

  /** Treat warnings as errors. */
  @Parameter(property = "eventsmith.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /**
   * Where the model's fingerprint source goes (annotation processor path only): a source root of
   * this plugin's own, whose content changes with the model so that the compiler recompiles.
   */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/eventsmith-fingerprint", readonly = true)
  private File fingerprintDirectory;

  /** This plugin's version: a new Eventsmith generates other code from the same model. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  /** Where the test sources are, to check that the specs become tests. */
  @Parameter(defaultValue = "${project.build.testSourceDirectory}", readonly = true)
  private File testSourceDir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("validation")) {
      return;
    }
    List<LoadResult> results = new ModelValidation(model.toPath(), baseDir.toPath()).run();
    List<Diagnostic> diagnostics = results.stream().flatMap(r -> r.diagnostics().stream())
        .sorted(Diagnostic.ORDER).toList();
    Console.print(getLog(), diagnostics);
    ReferencePages pages = new ReferencePages(report.toPath().toAbsolutePath().getParent());
    pages.write();
    writeReport(new LoadResult(Optional.empty(), diagnostics), pages);
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.size() - errors;
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      throw new MojoFailureException("The event model " + model + " has " + errors + " error(s) and " + warnings
          + " warning(s); each is listed above with its file:line:column and a hint. Each code has a page: "
          + pages.pageOf("<code>", baseDir.toPath()));
    }
    List<EventModel> models = results.stream().flatMap(r -> r.model().stream()).toList();
    getLog().info("Event model " + models.stream().map(EventModel::name).collect(Collectors.joining(", "))
        + " is valid (" + warnings + " warning(s))");
    if (!PluginBindings.binds(project, "generate")) {
      writeFingerprint(models);
      warnIfSpecsAreNotRun(models);
    }
  }

  /** A model whose specs never become tests would build green while checking nothing. */
  private void warnIfSpecsAreNotRun(List<EventModel> models) {
    boolean hasSpecs = models.stream().anyMatch(m -> !m.specs().isEmpty());
    if (hasSpecs && !new SpecTrigger(testSourceDir.toPath()).present()) {
      getLog().warn("The event model has specs, but no class in " + testSourceDir + " is annotated with"
          + " @EventModelSpecs, so they do not run as tests. Add one, e.g."
          + " `@EventModelSpecs(\"cart.yaml\") final class CartSpecs {}` in the model's package.");
    }
  }

  /**
   * On the annotation processor's path, a change to the YAML alone must reach the compiler: write
   * the model's fingerprint as a source of our own (the {@code generate} goal needs none: its
   * output changes with the model).
   */
  private void writeFingerprint(List<EventModel> models) throws MojoExecutionException {
    String fingerprint = new ModelFingerprint(model.toPath(), "eventsmith " + pluginVersion).current();
    try {
      OutputDirectory.Changes changes =
          FingerprintSource.write(new OutputDirectory(fingerprintDirectory.toPath()), models, fingerprint);
      if (changes.any()) {
        getLog().info("The event model (or Eventsmith's version) changed since the last build: the compiler"
            + " will generate its code again");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the model's fingerprint to " + fingerprintDirectory + ": "
          + e.getMessage(), e);
    }
    project.addCompileSourceRoot(fingerprintDirectory.getAbsolutePath());
  }

  private void writeReport(LoadResult result, ReferencePages pages) throws MojoExecutionException {
    try {
      Files.createDirectories(report.toPath().toAbsolutePath().getParent());
      Files.writeString(report.toPath(), result.toJson(code -> pages.pageOf(code.id(), baseDir.toPath())),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the diagnostics report " + report + ": " + e.getMessage(), e);
    }
  }
}
