package dev.eventsmith.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.bench.memory.MemoryFootprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, tiny and in this JVM, then writes the report from their results: the
 * harness works end to end (every contender's set-up, every check it makes of its outcomes, the
 * report's reading of every benchmark it names). Nothing here is a measurement; no figure is checked.
 */
class BenchmarksSmokeTest {

  private static final String INCLUDE = "dev\\.eventsmith\\.bench\\..*";

  @Test
  void everyBenchmarkRunsOnceAndTheReportFindsEveryFigureItNames(@TempDir Path results) throws Exception {
    System.setProperty("eventsmith.bench.smoke", "true");
    Options options = new OptionsBuilder()
        .include(INCLUDE)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(20))
        .warmupBatchSize(1)
        .measurementBatchSize(2)
        .param("length", "100")
        .param("events", "1000")
        .param("carts", "100")
        .param("aggregates", "2")
        // The large-log fill (10 million events, minutes) and three instance counts are for real runs.
        .param("stored", "100000")
        .param("instances", "2")
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .resultFormat(ResultFormatType.JSON)
        .result(results.resolve("jmh.json").toString())
        .build();
    Collection<RunResult> runs = new Runner(options).run();

    Set<String> expected = BenchmarkList.defaultList()
        .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of(INCLUDE),
            java.util.List.of())
        .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
    Set<String> ran = runs.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, ran);
    assertTrue(runs.stream().allMatch(r -> r.getPrimaryResult().getScore() > 0), "a benchmark scored nothing");

    MemoryFootprint.main(new String[] {results.resolve("memory.json").toString(), "10000", "20000"});
    Files.writeString(results.resolve("run.properties"), "started=smoke\nfinished=smoke\n");
    Path markdown = results.resolve("BENCHMARKS.md");
    Files.writeString(markdown, "# Benchmarks\n\n" + ResultsSection.BEGIN + "\n" + ResultsSection.END + "\n\n## Analysis\n");
    ResultsReport.main(new String[] {results.toString(), markdown.toString()});

    JmhResults read = JmhResults.read(results.resolve("jmh.json"));
    for (ResultsSection.Case row : ResultsSection.CASES) {
      assertTrue(row.eventsmith().in(read).isPresent(), "no Eventsmith figure for " + row.label());
      assertTrue(row.axon() == null || row.axon().in(read).isPresent(), "no Axon figure for " + row.label());
      assertTrue(row.limit() == null || row.limit().in(read).isPresent(), "no limit figure for " + row.label());
    }
    String report = Files.readString(markdown);
    assertTrue(report.contains("### AddItem in memory") && report.contains("### AddItem on PostgreSQL"), report);
    assertFalse(report.contains("| accepted | 100 | –") || report.contains("| rejected | 100 | –"), report);
    assertTrue(report.contains("held them all: **met**"), report);
    assertTrue(report.endsWith(ResultsSection.END + "\n\n## Analysis\n"), report);
  }
}
