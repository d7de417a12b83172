package dev.eventsmith.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsReportTest {

  private static final Machine MACHINE = new Machine("Test CPU", 2, 8L << 30, "2026-01-01T10:00Z", "2026-01-01T10:30Z",
      1800, "0.50 0.40 0.30", "1.00 0.80 0.60", List.of(0.5, 1.5));

  /** A JMH result as its JSON file has it. */
  private static String result(String benchmark, String mode, String params, double score, String error, String unit,
      int batch) {
    return "{\"benchmark\":\"dev.eventsmith.bench." + benchmark + "\",\"mode\":\"" + mode + "\",\"jdkVersion\":\"17.0.15\","
        + "\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"17.0.15+6\",\"measurementBatchSize\":" + batch
        + ",\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
        + ",\"scoreUnit\":\"" + unit + "\"}}";
  }

  private static JmhResults results(String... results) throws IOException {
    return JmhResults.parse("[" + String.join(",", results) + "]");
  }

  @Test
  void aSingleShotScoresTheWholeBatchSoEachCallIsItsShare() throws IOException {
    // 500 commands in 250,000 µs: 0.5 ms each, 2,000 per second.
    JmhResults run = results(result("cart.CommandBenchmark.accepted", "ss", "\"contender\":\"axon\",\"length\":\"10\"",
        250_000, "\"NaN\"", "us/op", 500));
    assertEquals(2_000, run.find("CommandBenchmark.accepted", Map.of("contender", "axon")).orElseThrow().perSecond(),
        1e-9);
  }

  @Test
  void throughputIsConvertedToPerSecondAndAverageTimeInverted() throws IOException {
    JmhResults run = results(
        result("A.perMillisecond", "thrpt", "", 3, "0.3", "ops/ms", 1),
        result("A.average", "avgt", "", 250, "25", "ms/op", 1));
    JmhResult perMillisecond = run.find("A.perMillisecond", Map.of()).orElseThrow();
    assertEquals(3_000, perMillisecond.perSecond(), 1e-9);
    assertEquals(0.1, perMillisecond.relativeError(), 1e-9);
    assertEquals(4, run.find("A.average", Map.of()).orElseThrow().perSecond(), 1e-9);
  }

  @Test
  void aMissingErrorIsNotANumberAndIsLeftOutOfTheFigure() throws IOException {
    JmhResult once = results(result("A.once", "thrpt", "", 1234, "\"NaN\"", "ops/s", 1)).find("A.once", Map.of())
        .orElseThrow();
    assertTrue(Double.isNaN(once.relativeError()));
    assertEquals("1,230", Figures.figure(once.perSecond(), once.relativeError()));
    assertEquals("1,230 ±4%", Figures.figure(1234, 0.04));
    assertEquals("1,230 ±<1%", Figures.figure(1234, 0.001));
  }

  @Test
  void figuresKeepThreeDigitsAndRatiosTwo() {
    assertEquals("1,230,000", Figures.figure(1_234_567.8));
    assertEquals("12.3", Figures.figure(12.345));
    assertEquals("0.0123", Figures.figure(0.012345));
    assertEquals("500", Figures.figure(500));
    assertEquals("12×", Figures.ratio(12.34));
    assertEquals("0.46×", Figures.ratio(0.456));
    assertEquals("12× ✓", Figures.ratio(12.34, 10));
    assertEquals("9.9× ✗", Figures.ratio(9.94, 10));
    assertEquals(Figures.NONE, Figures.ratio(Double.NaN, 10));
  }

  @Test
  void theCommandTableComparesEachLengthWithAxonAndWithLengthOne() throws IOException {
    JmhResults run = results(
        command("accepted", "eventsmith", 1, 1_000_000), command("accepted", "eventsmith+snapshots", 1, 900_000),
        command("accepted", "axon+cache", 1, 100_000), command("accepted", "axon+snapshots", 1, 50_000),
        command("accepted", "eventsmith", 1000, 1_000), command("accepted", "eventsmith+snapshots", 1000, 600_000),
        command("accepted", "axon+cache", 1000, 100_000), command("accepted", "axon+snapshots", 1000, 40_000));
    String section = new ResultsSection(run, Optional.empty(), MACHINE).render();
    // Contenders in the order they ran, Eventsmith's first.
    assertTrue(section.contains("| command | events before | eventsmith | eventsmith+snapshots | axon+cache |"
        + " axon+snapshots |"), section);
    // Length 1: best Eventsmith 1M/s against Axon's cache 100k/s is 10× (met); 900k/50k is 18× (missed).
    assertTrue(section.contains("| accepted | 1 | 1,000,000 | 900,000 | 100,000 | 50,000 | 10× ✓ | 18× ✗ | 1× ✓ |"),
        section);
    // Length 1,000: the best is the snapshots' 600k/s, 0.6 of length 1's 1M/s.
    assertTrue(section.contains("| accepted | 1,000 | 1,000 | 600,000 | 100,000 | 40,000 | 6× ✗ | 15× ✗ | 0.6× ✓ |"),
        section);
    // No rejected commands were run: those rows say so instead of guessing.
    assertTrue(section.contains("| rejected | 1 | – | – | – | – | – | – | – |"), section);
  }

  private static String command(String method, String contender, int length, double perSecond) {
    return result("cart.CommandBenchmark." + method, "thrpt",
        "\"contender\":\"" + contender + "\",\"length\":\"" + length + "\"", perSecond, "\"NaN\"", "ops/s", 1);
  }

  @Test
  void aCaseIsCheckedAgainstItsGoalWithTheFiguresItHas() throws IOException {
    JmhResults run = results(
        result("ReplayBenchmark.replayStream", "thrpt", "\"storeKind\":\"sqlite\",\"events\":\"100000\"", 400_000,
            "\"NaN\"", "ops/s", 1),
        result("ReplayBenchmark.rawScan", "thrpt", "\"storeKind\":\"sqlite\",\"events\":\"100000\"", 500_000,
            "\"NaN\"", "ops/s", 1),
        result("ReplayBenchmark.replayStream", "thrpt", "\"storeKind\":\"postgres\",\"events\":\"100000\"", 600_000,
            "\"NaN\"", "ops/s", 1),
        result("ReplayBenchmark.rawScan", "thrpt", "\"storeKind\":\"postgres\",\"events\":\"100000\"", 800_000,
            "\"NaN\"", "ops/s", 1),
        // A catch-up of 1,000,000 events in 2 s is 500,000 events per second.
        result("projection.ProjectionBenchmark.catchUp", "ss", "\"contender\":\"eventsmith\",\"events\":\"1000000\"",
            2000, "\"NaN\"", "ms/op", 1));
    String section = new ResultsSection(run, Optional.empty(), MACHINE).render();
    // 80 % of the limit but under 500,000/s: missed.
    assertTrue(section.contains("| replay a 100,000-event stream from SQLite (events/s; limit: JDBC scan) | 400,000 | – |"
        + " 500,000 | – | 0.8× | ≥ 70 % of the limit and ≥ 500,000/s: **missed** |"), section);
    assertTrue(section.contains("| 600,000 | – | 800,000 | – | 0.75× | ≥ 70 % of the limit and ≥ 500,000/s: **met** |"),
        section);
    assertTrue(section.contains("| projection catch-up over the whole log, in memory (events/s) | 500,000 | – |"),
        section);
    // A case without figures has no verdict.
    assertTrue(section.contains("| append in memory, 100 events per append (events/s) | – | – | – | – | – | ≥ 5,000,000/s |"),
        section);
  }

  @Test
  void theModelPipelineIsShownInMillisecondsAgainstItsBound() throws IOException {
    JmhResults run = results(result("model.ModelPipelineBenchmark.readValidateAndGenerate", "avgt", "", 640, "64",
        "ms/op", 1));
    String section = new ResultsSection(run, Optional.empty(), MACHINE).render();
    assertTrue(section.contains("readValidateAndGenerate (ms) | 640 ±10% | ≤ 500 ms: **missed** |"), section);
  }

  @Test
  void theRunNamesItsMachineAndLoad() throws IOException {
    String section = new ResultsSection(results(), Optional.empty(), MACHINE).render();
    assertTrue(section.contains("2 cores of Test CPU, 8.0 GiB RAM"), section);
    assertTrue(section.contains("(30 min 0 s)"), section);
    assertTrue(section.contains("before: 0.50 0.40 0.30; after: 1.00 0.80 0.60;"
        + " 1-minute load during the run: 0.50 to 1.50, mean 1.00 (2 samples)"), section);
    assertTrue(section.contains("Not measured in this run."), section);
  }

  @Test
  void memoryFiguresSayWhetherTenMillionEventsFit() throws IOException {
    MemoryFigures missed = MemoryFigures.parse("{\"maxHeapBytes\":4294967296,\"events\":1000000,\"payloadBytes\":200,"
        + "\"eventsmithBytesPerEvent\":452.2,\"axonBytesPerEvent\":780.1,\"target\":10000000,\"held\":9519767,"
        + "\"fits\":false,\"cachedCarts\":20000,\"stateCacheBytesPerStream\":212.4,\"decodedBytesPerEvent\":150.6}");
    String section = new ResultsSection(results(), Optional.of(missed), MACHINE).render();
    assertTrue(section.contains("| Eventsmith InMemoryEventStore | 452 |"), section);
    assertTrue(section.contains("A `CommandHandler` state cache holding 20,000 folded carts of the example (ten events"
        + " each) keeps 212 bytes per cached stream."), section);
    assertTrue(section.contains("kept decoded as well: 151 more bytes per loaded event"), section);
    assertTrue(section.contains("| 780 |"), section);
    assertTrue(section.contains("10,000,000 events of 200 bytes in a 4.0 GiB heap (goal: all of them):"
        + " the heap ran out after 9,519,767: **missed**"), section);
  }

  @Test
  void theSectionReplacesOnlyWhatIsBetweenTheMarkers() {
    String document = "# Benchmarks\n\nintro\n\n" + ResultsSection.BEGIN + "\nold figures\n" + ResultsSection.END
        + "\n\n## Analysis\n\nkept\n";
    String section = ResultsSection.BEGIN + "\nnew figures\n" + ResultsSection.END + "\n";
    assertEquals("# Benchmarks\n\nintro\n\n" + ResultsSection.BEGIN + "\nnew figures\n" + ResultsSection.END
        + "\n\n## Analysis\n\nkept\n", ResultsReport.replace(document, section));
  }

  @Test
  void aDocumentWithoutMarkersIsRefusedRatherThanOverwritten() {
    assertThrows(IllegalArgumentException.class, () -> ResultsReport.replace("# Benchmarks\n", "section"));
    assertThrows(IllegalArgumentException.class,
        () -> ResultsReport.replace(ResultsSection.END + "\n" + ResultsSection.BEGIN, "section"));
  }
}
