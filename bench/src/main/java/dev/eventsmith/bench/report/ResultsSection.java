package dev.eventsmith.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The results part of BENCHMARKS.md, written from one run's figures. */
final class ResultsSection {

  static final String BEGIN = "<!-- results:begin -->";
  static final String END = "<!-- results:end -->";

  private static final double GiB = 1024.0 * 1024 * 1024;

  /** One row compared with Axon and with the limit of the store underneath, where there is one. */
  record Case(String label, Measure eventsmith, Measure axon, Measure limit, Goal goal) {}

  /** One row of Eventsmith alone, in events per second, or in milliseconds per run when {@code millis}. */
  record Alone(String label, Measure eventsmith, boolean millis, String goal, Optional<Boolean> met) {}

  static final List<Case> CASES = List.of(
      new Case("CreateCart, a new cart, in memory (commands/s)",
          Measure.of("NewCartBenchmark.created", "contender", "eventsmith"),
          Measure.of("NewCartBenchmark.created", "contender", "axon"), null, null),
      new Case("rejected AddItem on a 10-event cart among 100,000 other events, in memory (commands/s)",
          Measure.of("CrowdedStoreBenchmark.rejected", "contender", "eventsmith"),
          Measure.of("CrowdedStoreBenchmark.rejected", "contender", "axon"), null, null),
      new Case("cold load of a 1,000-event cart, in memory (events/s; limit: Jackson decoding the payloads)",
          Measure.of("ColdLoadBenchmark.load", "source", "eventsmith@memory"),
          Measure.of("ColdLoadBenchmark.load", "source", "axon@memory"),
          Measure.of("ColdLoadBenchmark.load", "source", "jackson"), Goal.timesAxon(2)),
      new Case("cold load of a 1,000-event cart, SQLite (events/s; limit: JDBC scan + Jackson)",
          Measure.of("ColdLoadBenchmark.load", "source", "eventsmith@sqlite"), null,
          Measure.of("ColdLoadBenchmark.load", "source", "limit@sqlite"), Goal.shareOfLimit(0.5)),
      new Case("cold load of a 1,000-event cart, PostgreSQL (events/s; limit: JDBC scan + Jackson)",
          Measure.of("ColdLoadBenchmark.load", "source", "eventsmith@postgres"),
          Measure.of("ColdLoadBenchmark.load", "source", "axon@postgres"),
          Measure.of("ColdLoadBenchmark.load", "source", "limit@postgres"), Goal.shareOfLimit(0.5)),
      new Case("decoding the cart's 1,000 stored payloads (events/s; limit: Jackson streaming)",
          Measure.of("ColdLoadBenchmark.load", "source", "eventsmith-codec"), null,
          Measure.of("ColdLoadBenchmark.load", "source", "jackson"), Goal.shareOfLimit(0.5)),
      new Case("append in memory, 100 events per append (events/s)",
          Measure.of("InMemoryAppendBenchmark.batchedAppend"), Measure.of("InMemoryAppendBenchmark.axonBatchedAppend"),
          null, Goal.atLeast(5_000_000)),
      new Case("append to SQLite, 100 events per append, 1 writer (events/s; limit: JDBC batch insert)",
          Measure.of("SqliteAppendBenchmark.batchedAppend"), null,
          Measure.of("SqliteAppendBenchmark.rawBatchedInsert"), Goal.all(Goal.shareOfLimit(0.8), Goal.atLeast(150_000))),
      new Case("append to PostgreSQL, 1 event per commit, 16 writers (events/s; limit: plain INSERTs)",
          Measure.of("PostgresAppendBenchmark.singleEventAppend16Writers"),
          Measure.of("PostgresAppendBenchmark.axonAppend16Writers"),
          Measure.of("PostgresAppendBenchmark.plainInsert16Clients"), Goal.shareOfLimit(0.7)),
      new Case("replay a 100,000-event stream from SQLite (events/s; limit: JDBC scan)",
          Measure.of("ReplayBenchmark.replayStream", "storeKind", "sqlite"), null,
          Measure.of("ReplayBenchmark.rawScan", "storeKind", "sqlite"),
          Goal.all(Goal.shareOfLimit(0.7), Goal.atLeast(500_000))),
      new Case("replay a 100,000-event stream from PostgreSQL (events/s; limit: JDBC scan)",
          Measure.of("ReplayBenchmark.replayStream", "storeKind", "postgres"), null,
          Measure.of("ReplayBenchmark.rawScan", "storeKind", "postgres"),
          Goal.all(Goal.shareOfLimit(0.7), Goal.atLeast(500_000))),
      new Case("projection catch-up over the whole log, in memory (events/s)",
          Measure.perParam("ProjectionBenchmark.catchUp", "events", "contender", "eventsmith"),
          Measure.perParam("ProjectionBenchmark.catchUp", "events", "contender", "axon"), null, null));

  private final JmhResults results;
  private final Optional<MemoryFigures> memory;
  private final Machine machine;

  ResultsSection(JmhResults results, Optional<MemoryFigures> memory, Machine machine) {
    this.results = results;
    this.memory = memory;
    this.machine = machine;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append('\n');
    out.append("<!-- Written by bench/run.sh (ResultsReport); edit the analysis below, not this section. -->\n\n");
    run(out);
    commands(out, "CommandBenchmark", "in memory");
    commands(out, "PostgresCommandBenchmark", "on PostgreSQL (fsync on)");
    cases(out);
    alone(out);
    memory(out);
    out.append(END).append('\n');
    return out.toString();
  }

  private void run(StringBuilder out) {
    out.append("### The run\n\n");
    out.append("- Machine: ").append(machine.cores()).append(" cores of ").append(machine.cpu()).append(", ")
        .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / GiB)).append(" RAM; ")
        .append(results.jvm()).append(".\n");
    out.append("- From ").append(machine.started()).append(" to ").append(machine.finished()).append(" (")
        .append(machine.seconds() / 60).append(" min ").append(machine.seconds() % 60).append(" s).\n");
    out.append("- Load average (1, 5, 15 min) before: ").append(machine.loadBefore()).append("; after: ")
        .append(machine.loadAfter()).append("; 1-minute load during the run: ").append(machine.loadDuring())
        .append(".\n\n");
  }

  private void commands(StringBuilder out, String benchmark, String where) {
    List<String> contenders = new ArrayList<>(results.values(benchmark, "contender"));
    if (contenders.isEmpty()) {
      return;
    }
    contenders.sort(Comparator.comparing((String c) -> !c.startsWith("eventsmith")));
    List<Integer> lengths = results.values(benchmark, "length").stream().map(Integer::valueOf).sorted().toList();
    out.append("### AddItem ").append(where).append(" (commands per second)\n\n");
    out.append("| command | events before |");
    contenders.forEach(c -> out.append(' ').append(c).append(" |"));
    out.append(" best Eventsmith ÷ axon+cache (goal ≥ 10×) | eventsmith+snapshots ÷ axon+snapshots (goal ≥ 20×)"
        + " | best Eventsmith vs 1 event (goal ≥ 0.5×) |\n");
    out.append("| --- | ---: |").append(" ---: |".repeat(contenders.size())).append(" ---: | ---: | ---: |\n");
    for (String method : List.of("accepted", "rejected")) {
      for (int length : lengths) {
        out.append("| ").append(method).append(" | ").append(String.format(Locale.ROOT, "%,d", length)).append(" |");
        for (String contender : contenders) {
          out.append(' ').append(rate(benchmark, method, contender, length).map(Measure.Rate::text).orElse(Figures.NONE))
              .append(" |");
        }
        OptionalDouble best = best(benchmark, method, contenders, length);
        out.append(' ').append(Figures.ratio(divide(best, value(benchmark, method, "axon+cache", length)), 10))
            .append(" |");
        out.append(' ').append(Figures.ratio(divide(value(benchmark, method, "eventsmith+snapshots", length),
            value(benchmark, method, "axon+snapshots", length)), 20)).append(" |");
        out.append(' ').append(Figures.ratio(divide(best, best(benchmark, method, contenders, lengths.get(0))), 0.5))
            .append(" |\n");
      }
    }
    out.append('\n');
  }

  private Optional<Measure.Rate> rate(String benchmark, String method, String contender, int length) {
    return Measure.of(benchmark + "." + method, "contender", contender, "length", Integer.toString(length)).in(results);
  }

  private OptionalDouble value(String benchmark, String method, String contender, int length) {
    return rate(benchmark, method, contender, length).map(r -> OptionalDouble.of(r.perSecond()))
        .orElse(OptionalDouble.empty());
  }

  private OptionalDouble best(String benchmark, String method, List<String> contenders, int length) {
    return contenders.stream().filter(c -> c.startsWith("eventsmith"))
        .map(c -> value(benchmark, method, c, length)).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).max();
  }

  private static double divide(OptionalDouble a, OptionalDouble b) {
    return a.isPresent() && b.isPresent() ? a.getAsDouble() / b.getAsDouble() : Double.NaN;
  }

  private void cases(StringBuilder out) {
    out.append("### Side by side, and against the limit underneath\n\n");
    out.append("| case | Eventsmith | Axon | limit | Eventsmith ÷ Axon | Eventsmith ÷ limit | goal |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Case row : CASES) {
      Optional<Measure.Rate> eventsmith = row.eventsmith().in(results);
      Optional<Measure.Rate> axon = row.axon() == null ? Optional.empty() : row.axon().in(results);
      Optional<Measure.Rate> limit = row.limit() == null ? Optional.empty() : row.limit().in(results);
      OptionalDouble e = perSecond(eventsmith);
      OptionalDouble a = perSecond(axon);
      OptionalDouble l = perSecond(limit);
      out.append("| ").append(row.label())
          .append(" | ").append(eventsmith.map(Measure.Rate::text).orElse(Figures.NONE))
          .append(" | ").append(axon.map(Measure.Rate::text).orElse(Figures.NONE))
          .append(" | ").append(limit.map(Measure.Rate::text).orElse(Figures.NONE))
          .append(" | ").append(Figures.ratio(divide(e, a)))
          .append(" | ").append(Figures.ratio(divide(e, l)))
          .append(" | ").append(row.goal() == null ? "" : row.goal().text() + verdict(row.goal().met(e, a, l)))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static OptionalDouble perSecond(Optional<Measure.Rate> rate) {
    return rate.map(r -> OptionalDouble.of(r.perSecond())).orElse(OptionalDouble.empty());
  }

  private static String verdict(Optional<Boolean> met) {
    return met.map(m -> m ? ": **met**" : ": **missed**").orElse("");
  }

  private void alone(StringBuilder out) {
    List<Alone> rows = new ArrayList<>();
    rows.add(alone("append in memory, 1 event per append (events/s)", Measure.of("InMemoryAppendBenchmark.singleEventAppend")));
    rows.add(alone("append to SQLite, 1,000 events per append (events/s)",
        Measure.of("SqliteAppendBenchmark.batchedAppend1000")));
    rows.add(alone("append to SQLite, 1 event per commit, 1 writer (events/s)",
        Measure.of("SqliteAppendBenchmark.durableSingleEventAppend"), 3_000));
    rows.add(alone("append to SQLite, 1 event per commit, 16 writers (events/s)",
        Measure.of("SqliteAppendBenchmark.durableSingleEventAppend16Writers")));
    for (String step : List.of("readAndValidate", "generate", "readValidateAndGenerate")) {
      Measure pipeline = Measure.of("ModelPipelineBenchmark." + step);
      Optional<Boolean> met = step.equals("readValidateAndGenerate")
          ? pipeline.in(results).map(r -> 1000 / r.perSecond() <= 500) : Optional.empty();
      rows.add(new Alone("model pipeline, 1,000 events, 500 commands, 2,000 specs: " + step + " (ms)", pipeline, true,
          step.equals("readValidateAndGenerate") ? "≤ 500 ms" : "", met));
    }
    out.append("### Eventsmith alone\n\n| case | Eventsmith | goal |\n| --- | ---: | --- |\n");
    for (Alone row : rows) {
      String figure = row.eventsmith().in(results)
          .map(r -> row.millis() ? Figures.figure(1000 / r.perSecond(), r.relativeError()) : r.text())
          .orElse(Figures.NONE);
      out.append("| ").append(row.label()).append(" | ").append(figure).append(" | ").append(row.goal())
          .append(verdict(row.met())).append(" |\n");
    }
    out.append('\n');
  }

  private Alone alone(String label, Measure measure) {
    return new Alone(label, measure, false, "", Optional.empty());
  }

  private Alone alone(String label, Measure measure, double atLeast) {
    Goal goal = Goal.atLeast(atLeast);
    return new Alone(label, measure, false, goal.text(),
        goal.met(perSecond(measure.in(results)), OptionalDouble.empty(), OptionalDouble.empty()));
  }

  private void memory(StringBuilder out) {
    out.append("### Memory\n\n");
    if (memory.isEmpty()) {
      out.append("Not measured in this run.\n\n");
      return;
    }
    MemoryFigures m = memory.get();
    out.append(String.format(Locale.ROOT, "Heap held per stored event, measured over %,d events of %d-byte payloads"
        + " (one event per append, ten per stream, no metadata):%n%n", m.events(), m.payloadBytes()));
    out.append("| store | bytes per event |\n| --- | ---: |\n");
    out.append("| Eventsmith InMemoryEventStore | ").append(Figures.figure(m.eventsmithBytesPerEvent())).append(" |\n");
    out.append("| Axon InMemoryEventStorageEngine (payload objects with the same fields) | ")
        .append(Figures.figure(m.axonBytesPerEvent())).append(" |\n");
    out.append('\n');
    if (m.cachedCarts() > 0) {
      out.append(String.format(Locale.ROOT, "A `CommandHandler` state cache holding %,d folded carts of the example"
          + " (ten events each) keeps %s bytes per cached stream.%n%n", m.cachedCarts(),
          Figures.figure(m.stateCacheBytesPerStream())));
    }
    if (m.decodedBytesPerEvent() > 0) {
      out.append(String.format(Locale.ROOT, "Events a command handler loaded from the in-memory store are kept decoded"
          + " as well: %s more bytes per loaded event of the example's carts.%n%n", Figures.figure(m.decodedBytesPerEvent())));
    }
    out.append(String.format(Locale.ROOT, "%,d events of %d bytes in a %.1f GiB heap (goal: all of them): ", m.target(),
        m.payloadBytes(), m.maxHeapBytes() / GiB));
    out.append(m.fits() ? "held them all: **met**" : String.format(Locale.ROOT,
        "the heap ran out after %,d: **missed**", m.held()));
    out.append("\n\n");
  }
}
