package dev.eventsmith.insight;

/**
 * One spec of a model, the test it runs as, and how that test ended in the last run.
 *
 * @param file the spec's YAML file as the model names it; {@code line} is 1-based
 * @param message the failure message, empty unless {@code outcome} is {@link Outcome#FAILED}
 */
public record SpecStatus(
    String subject, String name, String file, int line, int column, String testClass, String testMethod,
    Outcome outcome, String message) {

  /** How a spec did: its test passed, failed, was skipped, or is in no report at all. */
  public enum Outcome {
    PASSED("passing"),
    FAILED("failing"),
    SKIPPED("skipped"),
    NOT_RUN("not run");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** How people say it: {@code not run}. */
    public String label() {
      return label;
    }
  }

  /** {@code cart.yaml:42 AddItem › "adds an item"}: how messages name a spec. */
  public String describe() {
    return file + ":" + line + " " + subject + " \u203a \"" + name + "\"";
  }
}
