package dev.eventsmith.mcp.build;

import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.SpecStatus;
import dev.eventsmith.insight.TestReports;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Arguments;
import dev.eventsmith.mcp.tool.InputSchema;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tools that build: run specs as their generated tests, and every slice's status from the last run. */
public final class BuildTools {

  private static final int OUTPUT_LINES = 60;

  private final Project project;
  private final MavenBuild maven;
  private final McpJsonMapper json;

  public BuildTools(Project project, MavenBuild maven, McpJsonMapper json) {
    this.project = project;
    this.maven = maven;
    this.json = json;
  }

  /** The tools, in the order they are listed. */
  public List<ToolSpec> tools() {
    return List.of(
        new ToolSpec("run_specs", "Run specs",
            "Builds the project and runs the specs of one slice, or one spec by name, as their generated JUnit "
                + "tests (Maven: test -Dtest=...). Answers each spec's outcome; a failing spec comes with its "
                + "file:line and expected and actual side by side, as lines and as rows; a build that does not "
                + "compile comes with the compiler's errors as file:line:column. Takes as long as the build.",
            InputSchema.object()
                .string("slice", false, "A command, view or automation: runs all its specs.")
                .string("spec", false, "One spec's name (as in the YAML); with 'slice' when several slices have "
                    + "a spec of that name.")
                .build(), false, this::runSpecs),
        new ToolSpec("slice_status", "Show each slice's status",
            "Every slice (command, view, automation) with its state: its logic written or not (from target/classes), "
                + "and its specs passing, failing or not run in the last test run (target/surefire-reports), as the "
                + "build plugin's status goal reports it. Runs nothing: call run_specs first for fresh results.",
            InputSchema.object().string("slice", false, "Only this slice.").build(), true, this::sliceStatus));
  }

  private Object runSpecs(Arguments arguments) throws ToolError {
    EventModel model = project.model();
    Optional<String> slice = arguments.optionalString("slice");
    Optional<String> spec = arguments.optionalString("spec");
    if (slice.isEmpty() && spec.isEmpty()) {
      throw arguments.bad("slice", "or 'spec' is required: name a slice to run its specs, or a spec to run it alone");
    }
    List<SpecDef> chosen = choose(model, slice, spec);
    Map<String, Set<String>> tests = new LinkedHashMap<>();
    for (SpecDef s : chosen) {
      tests.computeIfAbsent(SpecTestNames.testClass(model, s), c -> new LinkedHashSet<>())
          .add(SpecTestNames.testMethod(model, s));
    }
    forgetReports(tests.keySet());
    String filter = tests.entrySet().stream().map(e -> e.getKey() + "#" + String.join("+", e.getValue()))
        .collect(Collectors.joining(","));
    Path log = project.root().resolve("target/eventsmith/mcp-build.log");
    MavenBuild.Outcome build = maven.run(List.of("test", "-Dtest=" + filter,
        "-Dsurefire.failIfNoSpecifiedTests=false", "-Deventsmith.allowSpecsNotRun=true"), log);

    ModelStatus status = ModelStatus.of(model, HandWrittenCode.scan(model, project.classes()),
        TestReports.read(project.testReports()));
    Set<String> wanted = chosen.stream().map(s -> key(s.subject().name(), s.name())).collect(Collectors.toSet());
    List<SpecStatus> results = status.specs().stream().filter(s -> wanted.contains(key(s.subject(), s.name())))
        .toList();
    List<Map<String, Object>> specs = results.stream().map(BuildTools::spec).toList();
    String outcome = outcome(results, build.exitCode());
    List<String> logLines = MavenBuild.tail(log, Integer.MAX_VALUE);
    List<Map<String, Object>> compileErrors = CompileErrors.parse(logLines, project);
    boolean explained = outcome.equals("passing") || outcome.equals("failing") || !compileErrors.isEmpty();
    return Json.object()
        .put("outcome", outcome)
        .put("passed", results.stream().filter(s -> s.outcome() == SpecStatus.Outcome.PASSED).count())
        .put("failed", results.stream().filter(s -> s.outcome() == SpecStatus.Outcome.FAILED).count())
        .put("notRun", results.stream().filter(s -> s.outcome() == SpecStatus.Outcome.NOT_RUN).count())
        .put("specs", specs)
        .put("compileErrors", compileErrors.isEmpty() ? null : compileErrors)
        .put("buildOutput", explained ? null : String.join("\n",
            logLines.subList(Math.max(0, logLines.size() - OUTPUT_LINES), logLines.size())))
        .put("command", String.join(" ", build.command()))
        .put("exitCode", build.exitCode())
        .put("seconds", build.took().toMillis() / 1000.0)
        .put("log", project.display(log))
        .build();
  }

  private static String outcome(List<SpecStatus> results, int exitCode) {
    if (results.stream().anyMatch(s -> s.outcome() == SpecStatus.Outcome.FAILED)) {
      return "failing";
    }
    if (!results.isEmpty() && results.stream().allMatch(s -> s.outcome() == SpecStatus.Outcome.PASSED)) {
      return "passing";
    }
    return exitCode != 0 ? "build failed" : "not run";
  }

  private static Map<String, Object> spec(SpecStatus status) {
    return Json.object().put("slice", status.subject()).put("spec", status.name())
        .put("at", status.file() + ":" + status.line())
        .put("test", status.testClass() + "#" + status.testMethod())
        .put("outcome", status.outcome().label())
        .put("failure", status.outcome() == SpecStatus.Outcome.FAILED ? SpecFailure.parse(status.message()) : null)
        .build();
  }

  private static String key(String subject, String name) {
    return subject + "\u0000" + name;
  }

  private List<SpecDef> choose(EventModel model, Optional<String> slice, Optional<String> spec) throws ToolError {
    List<String> slices = new ArrayList<>();
    model.commands().forEach(c -> slices.add(c.name()));
    model.views().forEach(v -> slices.add(v.name()));
    model.automations().forEach(a -> slices.add(a.name()));
    if (slice.isPresent() && !slices.contains(slice.get())) {
      throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "the model has no slice '" + slice.get() + "'"
          + DidYouMean.suffix(slice.get(), slices), "A slice is a command, view or automation; list_slices lists them.");
    }
    List<SpecDef> candidates = slice.map(model::specsOf).orElse(model.specs());
    if (spec.isEmpty()) {
      if (candidates.isEmpty()) {
        throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "the slice " + slice.get() + " has no spec to run",
            "Add specs under 'specs: " + slice.get() + ":' in the YAML (see write-specs in the agent guides).");
      }
      return candidates;
    }
    List<SpecDef> named = candidates.stream().filter(s -> s.name().equals(spec.get())).toList();
    if (named.isEmpty()) {
      throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "no spec is named '" + spec.get() + "'"
          + slice.map(s -> " among the specs of " + s).orElse("")
          + DidYouMean.suffix(spec.get(), candidates.stream().map(SpecDef::name).toList()),
          "Spec names are the 'name:' of each spec in the YAML; list_slices lists them by slice.");
    }
    if (named.size() > 1) {
      throw new ToolError(DiagnosticCode.MCP_BAD_ARGUMENT, "the specs of " + named.stream()
          .map(s -> s.subject().name()).collect(Collectors.joining(", ")) + " are all named '" + spec.get() + "'",
          "Pass 'slice' too, to say which one to run.");
    }
    return named;
  }

  /** Reports of earlier runs must not pass for this run's: the runs's classes lose theirs first. */
  private void forgetReports(Set<String> testClasses) throws ToolError {
    for (String testClass : testClasses) {
      for (String suffix : List.of(".xml", ".txt", "-output.txt")) {
        Path report = project.testReports().resolve((suffix.equals(".xml") ? "TEST-" : "") + testClass + suffix);
        try {
          Files.deleteIfExists(report);
        } catch (IOException e) {
          throw new ToolError(DiagnosticCode.MCP_BUILD_NOT_STARTED, "cannot remove the old test report " + report
              + ": " + e.getMessage(), "Check that the project's target folder is writable.");
        }
      }
    }
  }

  private Object sliceStatus(Arguments arguments) throws ToolError {
    EventModel model = project.model();
    Optional<String> slice = arguments.optionalString("slice");
    ModelStatus status = ModelStatus.of(model, HandWrittenCode.scan(model, project.classes()),
        TestReports.read(project.testReports()));
    if (slice.isPresent() && status.slices().stream().noneMatch(s -> s.name().equals(slice.get()))) {
      throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "the model has no slice '" + slice.get() + "'"
          + DidYouMean.suffix(slice.get(), status.slices().stream().map(s -> s.name()).toList()),
          "A slice is a command, view or automation; list_slices lists them.");
    }
    ModelStatus shown = slice.map(name -> new ModelStatus(status.model(), status.packageName(),
        status.slices().stream().filter(s -> s.name().equals(name)).toList())).orElse(status);
    try {
      // The same document as the build plugin's target/eventsmith/status.json.
      @SuppressWarnings("unchecked")
      Map<String, Object> document = json.readValue(ModelStatus.toJson(List.of(shown)), Map.class);
      List<?> models = (List<?>) document.get("models");
      return Json.object().putAll((Map<String, Object>) models.get(0))
          .put("table", shown.table())
          .put("compiledClasses", Files.isDirectory(project.classes()))
          .put("testReports", Files.isDirectory(project.testReports()))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("the status document does not parse as JSON", e);
    }
  }
}
