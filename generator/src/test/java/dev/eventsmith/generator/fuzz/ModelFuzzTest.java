package dev.eventsmith.generator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the repository's example models. For every mutant: loading returns normally
 * and never needs the internal-error net, every diagnostic has a code, a position in a file of the
 * model and a hint; and whenever the mutant loads without errors, all the code generated from it
 * (main sources, and spec tests against stub implementations) compiles with javac and keeps its
 * lines within 100 columns. Among the edits are the names javac or file systems refuse (java.lang
 * names, invisible and look-alike characters, case twins, overlong names), long texts and lists,
 * and given lists long enough to be split over helper methods.
 *
 * <p>Replay: {@code -Deventsmith.fuzz.seed=S -Deventsmith.fuzz.mutants=N} (defaults below); a failure
 * prints the seed, the mutant's number, its edits and its YAML, and
 * {@code -Deventsmith.fuzz.only=K} runs mutant K alone.
 */
class ModelFuzzTest {
  private static final long SEED = Long.getLong("eventsmith.fuzz.seed", 20260314L);
  private static final int MUTANTS = Integer.getInteger("eventsmith.fuzz.mutants", 10_000);
  private static final int ONLY = Integer.getInteger("eventsmith.fuzz.only", -1);
  /** Models compiled per javac run: large enough to amortise javac's start, small enough to keep memory low. */
  private static final int BATCH = 40;
  private static final int SHOWN_FAILURES = 5;
  /**
   * Distinct main-source sets compiled (with all their distinct spec test classes), in mutant order:
   * javac needs about 0.15 s for each on these machines, so all of them (about 1,000: 50 s of javac) would pass the one-minute budget of the test.
   * Raise it to compile everything: {@code -Deventsmith.fuzz.compileLimit=100000}.
   */
  private static final int COMPILE_LIMIT = Integer.getInteger("eventsmith.fuzz.compileLimit", 300);

  /**
   * Generator bugs already reported and not yet fixed: mutants that show them are counted and
   * printed, not failed. Empty: add an entry only with an open issue, and remove it with the fix.
   */
  private static final Map<String, Pattern> KNOWN_GENERATOR_BUGS = Map.of();

  /** One example model to mutate. */
  record Seed(String file, String text) {}

  /** A mutant that loaded without errors. */
  record Clean(int number, Seed seed, ModelMutator.Mutant mutant, EventModel model) {}

  /**
   * Models whose main sources are the same (equal models apart from specs and positions), compiled
   * once in package {@code fz<id>}, with every distinct spec test class of any of them.
   */
  static final class Unit {
    final String id;
    final Clean first;
    final Map<String, Clean> testsByKey = new LinkedHashMap<>();

    Unit(String id, Clean first) {
      this.id = id;
      this.first = first;
    }
  }

  private static final Pattern POSITION = Pattern.compile("\\.yaml:\\d+:\\d+");

  static List<Seed> seeds() throws IOException {
    List<Seed> seeds = new ArrayList<>();
    for (Path path : List.of(
        Path.of("../examples/shopping-cart/src/main/eventmodel/cart.yaml"),
        Path.of("src/test/resources/models/library/library.yaml"),
        Path.of("../spec/src/test/resources/models/cart/cart.yaml"),
        Path.of("src/test/resources/fuzz/two-aggregates.yaml"),
        Path.of("src/test/resources/processes/bank/bank.yaml"),
        Path.of("src/test/resources/models/school/school.yaml"))) {
      seeds.add(new Seed(path.getFileName().toString(), Files.readString(path)));
    }
    return seeds;
  }

  /** The model as text without the positions it was read from: equal keys, equal generated code. */
  static String key(Object modelPart) {
    return POSITION.matcher(modelPart.toString()).replaceAll("@");
  }

  @Test
  void mutatedModelsGiveDiagnosticsOrCodeThatCompiles() throws IOException {
    long start = System.nanoTime();
    List<Seed> seeds = seeds();
    for (Seed seed : seeds) {
      LoadResult result = load(seed.file(), seed.text());
      assertEquals(List.of(), result.errors(), () -> seed.file() + " must load cleanly:\n" + result.format());
    }
    List<String> failures = new ArrayList<>();
    Map<String, Unit> units = new LinkedHashMap<>();
    int clean = 0;
    int run = 0;
    int distinctTests = 0;
    for (int number = 0; number < MUTANTS; number++) {
      if (ONLY >= 0 && number != ONLY) {
        continue;
      }
      run++;
      Seed seed = seeds.get(number % seeds.size());
      ModelMutator.Mutant mutant = new ModelMutator(new Random(SEED * 1_000_003L + number)).mutate(seed.text());
      LoadResult result;
      try {
        result = load(seed.file(), mutant.text());
      } catch (RuntimeException | Error e) {
        failures.add(report(number, seed, mutant, "ModelLoader.load threw " + e));
        continue;
      }
      String problem = diagnosticProblems(result, seed.file());
      if (!problem.isEmpty()) {
        failures.add(report(number, seed, mutant, problem + "\n" + result.format()));
        continue;
      }
      if (result.hasErrors()) {
        continue;
      }
      clean++;
      if (result.model().isEmpty()) {
        failures.add(report(number, seed, mutant, "no error, but no model either"));
        continue;
      }
      EventModel model = result.model().get();
      Clean found = new Clean(number, seed, mutant, model);
      String unitId = "fz" + number;
      Unit unit = units.computeIfAbsent(key(withSpecs(model, List.of())), k -> new Unit(unitId, found));
      Map<String, List<SpecDef>> bySubject = new LinkedHashMap<>();
      model.specs().forEach(spec -> bySubject.computeIfAbsent(spec.subject().name(), n -> new ArrayList<>()).add(spec));
      for (Map.Entry<String, List<SpecDef>> subject : bySubject.entrySet()) {
        if (unit.testsByKey.putIfAbsent(subject.getKey() + key(subject.getValue()), found) == null) {
          distinctTests++;
        }
      }
    }
    long loaded = System.nanoTime();
    List<Unit> all = new ArrayList<>(units.values()).subList(0, Math.min(units.size(), COMPILE_LIMIT));
    for (int from = 0; from < all.size(); from += BATCH) {
      compile(all.subList(from, Math.min(from + BATCH, all.size())), failures);
    }
    long done = System.nanoTime();
    List<String> known = new ArrayList<>();
    failures.removeIf(f -> {
      for (Map.Entry<String, Pattern> bug : KNOWN_GENERATOR_BUGS.entrySet()) {
        if (f.contains("does not compile") && bug.getValue().matcher(f).find()) {
          known.add(bug.getKey());
          return true;
        }
      }
      return false;
    });
    int testsCompiled = all.stream().mapToInt(u -> u.testsByKey.size()).sum();
    System.out.printf("ModelFuzzTest: seed %d, %d mutants, %d loaded without errors, %d distinct main-source sets"
            + " (%d distinct spec test classes); compiled %d sets with %d spec test classes (%d with lists split over"
            + " helper methods); %d known generator bugs hit %s; load %.1f s, generate+javac %.1f s%n",
        SEED, run, clean, units.size(), distinctTests, all.size(), testsCompiled, splitTests, known.size(),
        new java.util.TreeSet<>(known), (loaded - start) / 1e9, (done - loaded) / 1e9);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + run + " mutants (seed " + SEED + ") failed; the first " + SHOWN_FAILURES + ":\n\n"
          + String.join("\n\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
    }
    if (ONLY < 0) {
      assertTrue(run >= 10_000 || MUTANTS < 10_000, "at least 10,000 mutants");
      // The run proves something only if many mutants survive to javac; a mutator that breaks everything would not.
      int cleanCount = clean;
      int runCount = run;
      assertTrue(clean >= run / 20, () -> "too few clean mutants: " + cleanCount + " of " + runCount);
      assertTrue(all.size() >= Math.min(COMPILE_LIMIT, run / 100), () -> "too few distinct models compiled: " + all.size());
    }
  }

  /** Generates the units' code, compiles it in one javac run and reports each failing file's mutant. */
  /** Spec test classes compiled whose given or expected lists were split over helper methods. */
  private static int splitTests;

  private static void compile(List<Unit> units, List<String> failures) {
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, Clean> owner = new HashMap<>();
    for (Unit unit : units) {
      Clean first = unit.first;
      EventModel model = moved(first.model(), unit.id);
      List<GeneratedSource> main;
      try {
        Generator generator = new Generator(model, first.seed().file());
        List<JavaFile> files = generator.mainSources();
        main = new ArrayList<>(GeneratedSource.render(files));
        longLines(first, main, failures);
        main.addAll(GeneratedSource.render(StubImplementations.classes(model, files)));
      } catch (RuntimeException | Error e) {
        failures.add(report(first, "the generator threw " + stackTop(e)));
        continue;
      }
      for (GeneratedSource file : main) {
        sources.put(file.qualifiedName(), file.text());
        owner.put(file.qualifiedName(), first);
      }
      int copy = 0;
      for (Map.Entry<String, Clean> test : unit.testsByKey.entrySet()) {
        Clean c = test.getValue();
        copy++;
        try {
          EventModel its = moved(c.model(), unit.id);
          List<GeneratedSource> tests = GeneratedSource.render(
              new Generator(its, c.seed().file()).testSources(StubImplementations.names(its)));
          for (GeneratedSource file : tests) {
            String qualified = file.qualifiedName();
            String subject = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (!test.getKey().startsWith(subject.substring(0, subject.length() - "SpecTest".length()) + "[")) {
              continue;
            }
            longLines(c, List.of(file), failures);
            if (file.text().contains("_given1(") || file.text().contains("_expected1(")) {
              splitTests++;
            }
            // Spec test classes of several mutants share a package here: give each copy its own name.
            String renamed = subject + "_" + copy;
            String name = qualified.substring(0, qualified.lastIndexOf('.') + 1) + renamed;
            sources.put(name, file.text().replace("class " + subject + " {", "class " + renamed + " {"));
            owner.put(name, c);
          }
        } catch (RuntimeException | Error e) {
          failures.add(report(c, "the generator threw " + stackTop(e)));
        }
      }
    }
    Map<String, List<String>> errors = BatchCompiler.compile(sources);
    Map<Clean, List<String>> byMutant = new LinkedHashMap<>();
    errors.forEach((file, messages) -> {
      Clean c = owner.get(file);
      if (c == null) {
        failures.add("javac errors outside the generated files:\n  " + String.join("\n  ", messages));
      } else {
        byMutant.computeIfAbsent(c, k -> new ArrayList<>()).addAll(messages);
      }
    });
    byMutant.forEach((c, messages) -> failures.add(report(c, "the generated code does not compile:\n    "
        + String.join("\n    ", messages.subList(0, Math.min(8, messages.size()))))));
  }

  /** Reports generated lines over 100 columns (package and import lines aside). */
  private static void longLines(Clean mutant, List<GeneratedSource> sources, List<String> failures) {
    List<String> tooLong = new ArrayList<>();
    for (GeneratedSource source : sources) {
      List<String> lines = source.text().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.startsWith("package ") && !line.startsWith("import ") && line.codePointCount(0, line.length()) > 100) {
          tooLong.add(source.qualifiedName() + ":" + (i + 1) + ": " + line);
        }
      }
    }
    if (!tooLong.isEmpty()) {
      failures.add(report(mutant, "generated lines are over 100 columns:\n    "
          + String.join("\n    ", tooLong.subList(0, Math.min(5, tooLong.size())))));
    }
  }

  /** Whatever is wrong with the diagnostics themselves, or "" if nothing. */
  static String diagnosticProblems(LoadResult result, String file) {
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      if (d.code() == DiagnosticCode.INTERNAL_ERROR) {
        problems.add("the loader failed internally: " + d.message());
      }
      if (d.code() == null || d.code().id().isBlank()) {
        problems.add("a diagnostic without a code: " + d.message());
      }
      if (!d.position().file().equals(file) || d.position().line() < 1 || d.position().column() < 1) {
        problems.add("a diagnostic without a position in " + file + ": " + d.format());
      }
      if (d.hint().isBlank() || d.message().isBlank()) {
        problems.add("a diagnostic without a message or hint: " + d.format());
      }
    }
    return String.join("\n", problems);
  }

  static LoadResult load(String file, String text) {
    return ModelLoader.load(List.of(new ModelSource(file, text)));
  }

  /** {@code model} in package {@code <unit>.<its package>}, so that many models compile side by side. */
  static EventModel moved(EventModel model, String unit) {
    return new EventModel(model.name(), unit + "." + model.packageName(), model.types(), model.events(),
        model.aggregates(), model.commands(), model.views(), model.automations(), model.specs(), model.sourceFiles(),
        model.position(), model.processes());
  }

  static EventModel withSpecs(EventModel model, List<SpecDef> specs) {
    return new EventModel(model.name(), model.packageName(), model.types(), model.events(), model.aggregates(),
        model.commands(), model.views(), model.automations(), specs, List.of(), model.position(), model.processes());
  }

  private static String report(Clean c, String problem) {
    return report(c.number(), c.seed(), c.mutant(), problem);
  }

  private static String report(int number, Seed seed, ModelMutator.Mutant mutant, String problem) {
    return "mutant " + number + " of " + seed.file() + " (seed " + SEED + ", replay with -Deventsmith.fuzz.only=" + number
        + "):\n  edits: " + String.join("; ", mutant.edits()) + "\n  problem: " + problem
        + "\n  --- YAML ---\n" + mutant.text().indent(4);
  }

  private static String stackTop(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return e + (trace.length > 0 ? " at " + trace[0] : "");
  }
}
