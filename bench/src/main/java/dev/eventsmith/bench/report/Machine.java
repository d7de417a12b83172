package dev.eventsmith.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a run ran on and under which load: the CPU, cores and memory from {@code /proc}, and what
 * {@code bench/run.sh} wrote beside the results: start and end, the load average before and after,
 * and the load sampled during the run ({@code load.log}: epoch seconds and the 1-minute load average).
 */
record Machine(String cpu, int cores, long memoryBytes, String started, String finished, long seconds,
    String loadBefore, String loadAfter, List<Double> loadSamples) {

  static Machine describe(Path results) throws IOException {
    String cpu = "unknown CPU";
    int cores = 0;
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name") && cpu.equals("unknown CPU")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
      }
      if (line.startsWith("processor")) {
        cores++;
      }
    }
    long memory = 0;
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memory = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    Properties run = new Properties();
    Path properties = results.resolve("run.properties");
    if (Files.exists(properties)) {
      try (Reader in = Files.newBufferedReader(properties)) {
        run.load(in);
      }
    }
    List<Double> samples = new ArrayList<>();
    for (String line : lines(results.resolve("load.log"))) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2) {
        samples.add(Double.parseDouble(fields[1]));
      }
    }
    long seconds = Long.parseLong(run.getProperty("finishedEpoch", "0")) - Long.parseLong(run.getProperty("startedEpoch", "0"));
    return new Machine(cpu, cores == 0 ? Runtime.getRuntime().availableProcessors() : cores, memory,
        run.getProperty("started", "?"), run.getProperty("finished", "?"), seconds,
        run.getProperty("loadBefore", "?"), run.getProperty("loadAfter", "?"), samples);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** The sampled 1-minute load: lowest, mean and highest, or a note that there were no samples. */
  String loadDuring() {
    if (loadSamples.isEmpty()) {
      return "not sampled";
    }
    double min = loadSamples.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = loadSamples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double mean = loadSamples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return String.format(java.util.Locale.ROOT, "%.2f to %.2f, mean %.2f (%d samples)", min, max, mean,
        loadSamples.size());
  }
}
