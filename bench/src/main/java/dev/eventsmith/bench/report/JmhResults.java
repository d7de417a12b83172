package dev.eventsmith.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The scores of one JMH run, read from its JSON result file ({@code -rf json}), with the JVM it ran on. */
final class JmhResults {

  private final List<JmhResult> results;
  private final String jvm;

  JmhResults(List<JmhResult> results, String jvm) {
    this.results = List.copyOf(results);
    this.jvm = jvm;
  }

  static JmhResults read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  static JmhResults parse(String json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    List<JmhResult> results = new ArrayList<>();
    String jvm = "";
    for (JsonNode run : root) {
      String name = run.path("benchmark").asText();
      String[] parts = name.split("\\.");
      String shortName = parts.length < 2 ? name : parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      run.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
      JsonNode metric = run.path("primaryMetric");
      results.add(new JmhResult(shortName, run.path("mode").asText(), params, metric.path("score").asDouble(),
          number(metric.path("scoreError")), metric.path("scoreUnit").asText(),
          run.path("measurementBatchSize").asInt(1)));
      if (jvm.isEmpty()) {
        jvm = run.path("vmName").asText() + " " + run.path("vmVersion").asText() + " (JDK "
            + run.path("jdkVersion").asText() + ")";
      }
    }
    return new JmhResults(results, jvm);
  }

  private static double number(JsonNode node) {
    // JMH writes "NaN" as a string when there were too few iterations for an error.
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }

  /** The result of {@code benchmark} whose parameters include all of {@code params}. */
  Optional<JmhResult> find(String benchmark, Map<String, String> params) {
    return results.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .filter(r -> r.params().entrySet().containsAll(params.entrySet()))
        .findFirst();
  }

  /** The values {@code param} took in the runs of the benchmarks of class {@code benchmarkClass}, in the order they ran. */
  Set<String> values(String benchmarkClass, String param) {
    Set<String> values = new LinkedHashSet<>();
    for (JmhResult result : results) {
      if (result.benchmark().startsWith(benchmarkClass + ".") && result.params().containsKey(param)) {
        values.add(result.params().get(param));
      }
    }
    return values;
  }

  int size() {
    return results.size();
  }

  String jvm() {
    return jvm;
  }
}
