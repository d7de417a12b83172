package dev.eventsmith.maven;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.Severity;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** How every goal shows diagnostics: errors and warnings in compiler form, and a failure that names them. */
final class Console {

  static final String ERROR_PAGES = "Each code is explained in target/eventsmith/errors/<code>.md (written by the"
      + " validate goal) and in agent-guides/errors/ of Eventsmith.";

  private Console() {}

  static void print(Log log, List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.severity() == Severity.ERROR) {
        log.error(diagnostic.format());
      } else {
        log.warn(diagnostic.format());
      }
    }
  }

  static long errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  /** Fails the build when there is an error, naming the first one so that the failure alone says what to fix. */
  static void failOnErrors(List<Diagnostic> diagnostics, String what) throws MojoFailureException {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new MojoFailureException(what + " has " + errors.size() + " error(s), each listed above with its"
          + " file:line:column and a hint; the first: " + errors.get(0).format() + "\n" + ERROR_PAGES);
    }
  }
}
