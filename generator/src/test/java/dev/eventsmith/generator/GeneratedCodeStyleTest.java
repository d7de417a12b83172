package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.fuzz.StubImplementations;
import dev.eventsmith.spec.codegen.ReservedNames;
import dev.eventsmith.spec.model.EventModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code reads like hand-written Java 17, for every test model and the model at the limits
 * the validator allows: no line over 100 columns (package and import lines aside, which Java cannot
 * break), and no import but of a type whose simple name the validator reserves.
 */
class GeneratedCodeStyleTest {

  private static final int COLUMNS = 100;
  private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+)\\.(\\w+);$");

  /** Every test model by file label; the generator's own output for each, main and spec tests. */
  static Map<String, List<GeneratedSource>> generated() {
    Map<String, String> models = new LinkedHashMap<>();
    models.put(TestModels.LIBRARY, TestModels.read(TestModels.MODELS.resolve(TestModels.LIBRARY)));
    models.put(TestModels.SCHOOL, TestModels.read(TestModels.MODELS.resolve(TestModels.SCHOOL)));
    for (String path : List.of("../examples/shopping-cart/src/main/eventmodel/cart.yaml",
        "../spec/src/test/resources/models/cart/cart.yaml", "src/test/resources/fuzz/two-aggregates.yaml",
        "src/test/resources/processes/bank/bank.yaml")) {
      models.put(path, TestModels.read(Path.of(path)));
    }
    models.put(ExtremeModel.FILE, ExtremeModel.yaml());
    Map<String, List<GeneratedSource>> generated = new LinkedHashMap<>();
    models.forEach((file, yaml) -> generated.put(file, render(TestModels.load(file, yaml))));
    return generated;
  }

  static List<GeneratedSource> render(EventModel model) {
    Generator generator = new Generator(model, "model.yaml");
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(generator.testSources(StubImplementations.names(model)));
    return GeneratedSource.render(files);
  }

  /** The lines of {@code sources} over the limit, as {@code Type:line: length}. */
  static List<String> longLines(List<GeneratedSource> sources) {
    List<String> long_ = new ArrayList<>();
    for (GeneratedSource source : sources) {
      List<String> lines = source.text().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        boolean exempt = line.startsWith("package ") || line.startsWith("import ");
        if (!exempt && line.codePointCount(0, line.length()) > COLUMNS) {
          long_.add(source.qualifiedName() + ":" + (i + 1) + ": " + line.length() + " columns: " + line);
        }
      }
    }
    return long_;
  }

  @Test
  void noGeneratedLineIsLongerThan100Columns() {
    int lines = 0;
    int files = 0;
    List<String> tooLong = new ArrayList<>();
    for (Map.Entry<String, List<GeneratedSource>> model : generated().entrySet()) {
      tooLong.addAll(longLines(model.getValue()));
      files += model.getValue().size();
      lines += model.getValue().stream().mapToInt(s -> (int) s.text().lines().count()).sum();
    }
    System.out.printf("GeneratedCodeStyleTest: %d files, %d lines, %d over %d columns%n", files, lines,
        tooLong.size(), COLUMNS);
    assertEquals(List.of(), tooLong);
  }

  @Test
  void generatedCodeImportsExactlyTheNamesTheValidatorReserves() {
    Set<String> imported = new TreeSet<>();
    for (List<GeneratedSource> sources : generated().values()) {
      for (GeneratedSource source : sources) {
        Matcher m = IMPORT.matcher(source.text());
        while (m.find()) {
          assertTrue(ReservedNames.imported().contains(m.group(2)),
              source.qualifiedName() + " imports " + m.group(1) + "." + m.group(2)
                  + ", whose simple name spec's ReservedNames does not reserve");
          imported.add(m.group(2));
        }
      }
    }
    assertEquals(new TreeSet<>(ReservedNames.imported()), imported,
        "the test models use every reserved import; a name nothing imports is no longer needed");
  }

  @Test
  void theModelAtTheLimitsCompiles() {
    EventModel model = TestModels.load(ExtremeModel.FILE, ExtremeModel.yaml());
    Generator generator = new Generator(model, ExtremeModel.FILE);
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(StubImplementations.classes(model, generator.mainSources()));
    files.addAll(generator.testSources(StubImplementations.names(model)));
    List<JavaFileObject> sources = new ArrayList<>();
    for (GeneratedSource source : GeneratedSource.render(files)) {
      sources.add(JavaFileObjects.forSourceString(source.qualifiedName(), source.text()));
    }
    Compilation compilation = Compiler.javac().withOptions("--release", "17", "-proc:none").compile(sources);
    assertThat(compilation).succeeded();
  }
}
