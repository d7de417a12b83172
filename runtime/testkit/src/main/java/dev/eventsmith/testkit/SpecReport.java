package dev.eventsmith.testkit;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** Builds the failures of one spec: always its name and {@code file:line} first. */
final class SpecReport {

  private final SpecSource source;

  SpecReport(SpecSource source) {
    this.source = source;
  }

  String header() {
    return "spec '" + source.name() + "' (" + source.subject() + ") failed at " + source.location();
  }

  /** Expected and actual side by side; {@code reason} (may be empty) says what kind of mismatch. */
  AssertionFailedError mismatch(String reason, String leftTitle, List<String> left, String rightTitle, List<String> right) {
    List<String> message = new ArrayList<>();
    message.add(header());
    if (!reason.isEmpty()) {
      message.add("  " + reason);
    }
    message.addAll(SideBySide.render(leftTitle, left, rightTitle, right));
    if (left.equals(right)) {
      message.add("  (they render alike but are not equal: check equals() of the types involved)");
    }
    return new AssertionFailedError(String.join("\n", message), String.join("\n", left), String.join("\n", right));
  }

  /** Hand-written or generated code threw: name the spec and the step, keep the cause. */
  AssertionFailedError threw(String step, Throwable cause) {
    return new AssertionFailedError(header() + "\n  " + step + " threw " + cause.getClass().getName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
  }

  /** A failure with no expected/actual pair. */
  AssertionFailedError failure(String problem) {
    return new AssertionFailedError(header() + "\n  " + problem);
  }
}
