package dev.eventsmith.maven;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.validation.JavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The Maven coordinates and Java package of a new project. */
record ProjectCoordinates(String groupId, String artifactId, String version, String packageName) {

  /** What Maven accepts in a groupId or an artifactId. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-.]+");

  /** Every problem with these coordinates, each as {@code error[ESM-NNNN]: what; how to fix}. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (String[] id : new String[][] {{"groupId", groupId}, {"artifactId", artifactId}}) {
      if (!ID.matcher(id[1]).matches()) {
        problems.add(problem(DiagnosticCode.INVALID_PROJECT_COORDINATES, id[0] + " '" + id[1]
            + "' may hold only letters, digits, '-', '_' and '.'", "pass another one with -D" + id[0] + "=..."));
      }
    }
    if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace) || version.contains("/")) {
      problems.add(problem(DiagnosticCode.INVALID_PROJECT_COORDINATES, "version '" + version
          + "' is not a Maven version", "pass one such as -Dversion=1.0-SNAPSHOT"));
    }
    String[] segments = packageName.split("\\.", -1);
    for (String segment : segments) {
      if (!JavaNames.isIdentifier(segment) || JavaNames.isReserved(segment)) {
        problems.add(problem(DiagnosticCode.INVALID_PROJECT_PACKAGE, "package '" + packageName + "' is not a Java package"
            + (segment.isEmpty() ? " (it has an empty part)" : ": '" + segment + "' is not an identifier or is a Java keyword"),
            "pass one such as -Dpackage=com.example.club"));
        break;
      }
    }
    return problems;
  }

  private static String problem(DiagnosticCode code, String what, String fix) {
    return "error[" + code.id() + "]: " + what + "; " + fix;
  }
}
