package dev.eventsmith.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a figure of the report comes from: a benchmark and some of its parameters, and how many
 * events (or commands) one scored operation stands for.
 *
 * @param perOperation a constant count per operation, when {@code perOperationParam} is null
 * @param perOperationParam the parameter whose value is the count per operation, e.g. a replay's event count
 */
record Measure(String benchmark, Map<String, String> params, double perOperation, String perOperationParam) {

  static Measure of(String benchmark, String... params) {
    return new Measure(benchmark, pairs(params), 1, null);
  }

  /** A benchmark whose operation is {@code param} events: a whole catch-up or replay per operation. */
  static Measure perParam(String benchmark, String param, String... params) {
    return new Measure(benchmark, pairs(params), 1, param);
  }

  private static Map<String, String> pairs(String... params) {
    if (params.length % 2 != 0) {
      throw new IllegalArgumentException("parameters come in name, value pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put(params[i], params[i + 1]);
    }
    return map;
  }

  /** The figure in events (or commands) per second, with its relative error, if the run has it. */
  Optional<Rate> in(JmhResults results) {
    return results.find(benchmark, params).map(result -> {
      double count = perOperationParam == null ? perOperation : Double.parseDouble(result.params().get(perOperationParam));
      return new Rate(result.perSecond() * count, result.relativeError());
    });
  }

  /** A rate and its relative error. */
  record Rate(double perSecond, double relativeError) {
    String text() {
      return Figures.figure(perSecond, relativeError);
    }
  }
}
