package dev.eventsmith.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's results into BENCHMARKS.md, between its results markers: {@code java -cp
 * benchmarks.jar dev.eventsmith.bench.report.ResultsReport <results directory> <BENCHMARKS.md>}.
 * The directory holds {@code jmh.json} (JMH's {@code -rf json} output) and what {@code bench/run.sh}
 * writes beside it: {@code memory.json}, {@code run.properties}, {@code load.log}.
 */
public final class ResultsReport {

  private ResultsReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ResultsReport <results directory> <BENCHMARKS.md>");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    Path markdown = Path.of(args[1]);
    String section = new ResultsSection(JmhResults.read(results.resolve("jmh.json")),
        MemoryFigures.read(results.resolve("memory.json")), Machine.describe(results)).render();
    Files.writeString(markdown, replace(Files.readString(markdown), section));
  }

  /** {@code document} with the part between the results markers (both included) replaced by {@code section}. */
  static String replace(String document, String section) {
    int begin = document.indexOf(ResultsSection.BEGIN);
    int end = document.indexOf(ResultsSection.END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the document has no " + ResultsSection.BEGIN + " ... " + ResultsSection.END
          + " section for the results");
    }
    int after = end + ResultsSection.END.length();
    if (after < document.length() && document.charAt(after) == '\n') {
      after++;
    }
    return document.substring(0, begin) + section + document.substring(after);
  }
}
