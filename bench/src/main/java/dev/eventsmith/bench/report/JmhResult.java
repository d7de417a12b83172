package dev.eventsmith.bench.report;

import java.util.Map;

/**
 * One benchmark's score from JMH's JSON result file, for one set of parameters.
 *
 * @param benchmark the class's simple name and the method, e.g. {@code CommandBenchmark.accepted}
 * @param mode JMH's short mode name: thrpt, avgt, sample or ss
 * @param batchSize calls per single-shot iteration; JMH scores a single shot for the whole batch
 */
record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
    String unit, int batchSize) {

  /** The score as operations per second, whatever the mode and unit; a single-shot batch counts each call. */
  double perSecond() {
    if (unit.startsWith("ops/")) {
      return score / seconds(unit.substring("ops/".length()));
    }
    if (unit.endsWith("/op")) {
      double secondsPerCall = score * seconds(unit.substring(0, unit.length() - "/op".length()));
      if (mode.equals("ss")) {
        secondsPerCall /= batchSize;
      }
      return 1 / secondsPerCall;
    }
    throw new IllegalArgumentException("unknown JMH unit " + unit + " in " + benchmark);
  }

  /** The half-width of the 99.9 % confidence interval relative to the score; NaN for too few iterations. */
  double relativeError() {
    return scoreError / score;
  }

  private static double seconds(String unit) {
    return switch (unit) {
      case "s" -> 1;
      case "ms" -> 1e-3;
      case "us" -> 1e-6;
      case "ns" -> 1e-9;
      case "min" -> 60;
      default -> throw new IllegalArgumentException("unknown time unit " + unit);
    };
  }
}
