package dev.eventsmith.maven;

import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.SpecStatus;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Severity;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check that every spec ran: a build whose spec tests silently did not run (a test runner too
 * old for JUnit 5, no {@code @EventModelSpecs}, a forgotten filter) must not pass as green.
 */
final class SpecCheck {

  /**
   * What the check knows of the build besides the reports.
   *
   * @param allowNotRun the user's explicit word that specs may be missing from the reports
   * @param testFilter the {@code -Dtest} filter of this build, if any: it excuses the specs it left out
   * @param surefireVersion the maven-surefire-plugin version the project pins, empty if unknown
   * @param specsRequested whether anything generates the spec tests: the generate-test goal, or a
   *     class annotated {@code @EventModelSpecs}
   */
  record Request(StatusRequest status, boolean allowNotRun, Optional<String> testFilter, String surefireVersion,
      boolean specsRequested) {}

  /** The outcome: one error per spec that did not run, the specs a filter excused, and why none ran. */
  record Verdict(List<Diagnostic> errors, List<SpecStatus> excused, List<String> reasons, int ran) {}

  private SpecCheck() {}

  static Verdict run(Request request) {
    ProjectStatus project = ProjectStatus.read(request.status());
    List<Diagnostic> errors = new ArrayList<>(project.diagnostics());
    List<SpecStatus> excused = new ArrayList<>();
    int ran = 0;
    for (ModelStatus status : project.statuses()) {
      for (SpecStatus spec : status.specs()) {
        if (spec.outcome() != SpecStatus.Outcome.NOT_RUN) {
          ran++;
        } else if (request.allowNotRun() || request.testFilter().isPresent()) {
          excused.add(spec);
        } else {
          errors.add(new Diagnostic(DiagnosticCode.SPEC_NOT_RUN, Severity.ERROR,
              new SourcePosition(spec.file(), spec.line(), spec.column()),
              "spec \"" + spec.name() + "\" of " + spec.subject() + " did not run: no test report holds "
                  + spec.testClass() + "#" + spec.testMethod(),
              "run the build's tests (mvn verify) with a test runner that runs JUnit 5; see the reasons below"));
        }
      }
    }
    List<String> reasons = new ArrayList<>();
    if (errors.stream().anyMatch(e -> e.code() == DiagnosticCode.SPEC_NOT_RUN)) {
      reasons.addAll(reasons(request, project.reportFiles()));
    }
    return new Verdict(List.copyOf(errors), List.copyOf(excused), List.copyOf(reasons), ran);
  }

  private static List<String> reasons(Request request, int reportFiles) {
    List<String> reasons = new ArrayList<>();
    if (tooOldForJUnit5(request.surefireVersion())) {
      reasons.add("maven-surefire-plugin " + request.surefireVersion() + " does not run JUnit 5 tests (it needs"
          + " 2.22.0 or later): pin a 3.x version in the pom's <build><plugins>, e.g. 3.5.2");
    }
    if (!request.specsRequested()) {
      reasons.add("nothing generates the spec tests: bind the eventsmith-maven-plugin goal 'generate-test', or"
          + " annotate one class in src/test/java with @EventModelSpecs(\"<model>.yaml\")");
    }
    if (reportFiles == 0) {
      reasons.add("no test report (TEST-*.xml) is in " + request.status().reports() + ", so no test ran at all");
    }
    reasons.add("if you ran only some tests on purpose, pass -Deventsmith.allowSpecsNotRun=true");
    return reasons;
  }

  /** Whether a surefire version predates its JUnit Platform provider (2.22.0). */
  static boolean tooOldForJUnit5(String version) {
    String[] parts = version.split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major < 2 || (major == 2 && minor < 22);
    } catch (NumberFormatException e) {
      return false; // a property or a range: cannot tell
    }
  }
}
