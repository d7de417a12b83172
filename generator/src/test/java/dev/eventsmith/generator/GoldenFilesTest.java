package dev.eventsmith.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of the library model and of the school model (decisions across streams),
 * compared with reviewed golden files. To accept a
 * change in the generated code, run {@code EVENTSMITH_UPDATE_GOLDEN=1 ./mvnw -pl generator -am test}
 * and review the diff of src/test/resources/golden.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/library");
  private static final Implementations LIBRARY_IMPLEMENTATIONS = new Implementations(
      Map.of("Book", ClassName.get("com.example.library", "Book"),
          "Account", ClassName.get("com.example.library", "Account"),
          "ShelfOrder", ClassName.get("com.example.library", "ShelfOrder")),
      Map.of("Shelves", ClassName.get("com.example.library", "ShelvesProjection")),
      Map.of("ChargeLateFees", ClassName.get("com.example.library", "ChargeLateFees"),
          "OrderShelfWhenFull", ClassName.get("com.example.library", "OrderShelfWhenFull")));

  static List<GeneratedSource> generateLibrary() {
    EventModel model = TestModels.library();
    Generator generator = new Generator(model, TestModels.LIBRARY);
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(generator.testSources(LIBRARY_IMPLEMENTATIONS));
    return GeneratedSource.render(files);
  }

  static List<GeneratedSource> generateSchool() {
    EventModel model = TestModels.load(TestModels.SCHOOL,
        TestModels.read(TestModels.MODELS.resolve(TestModels.SCHOOL)));
    Generator generator = new Generator(model, TestModels.SCHOOL);
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(generator.testSources(new Implementations(
        Map.of("Course", ClassName.get("com.example.school", "Course")), Map.of(), Map.of(), Map.of(),
        Map.of("DefineCourse", ClassName.get("com.example.school", "DefineCourseLogic"),
            "SubscribeStudent", ClassName.get("com.example.school", "SubscribeStudentLogic")))));
    return GeneratedSource.render(files);
  }

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    compare(GOLDEN, generateLibrary());
  }

  @Test
  void generatedSourcesOfDecisionsAcrossStreamsMatchTheGoldenFiles() throws IOException {
    compare(GOLDEN.resolveSibling("school"), generateSchool());
  }

  private static void compare(Path goldenDir, List<GeneratedSource> files) throws IOException {
    boolean update = "1".equals(System.getenv("EVENTSMITH_UPDATE_GOLDEN"));
    if (update) {
      Files.createDirectories(goldenDir);
      try (Stream<Path> old = Files.list(goldenDir)) {
        for (Path path : old.toList()) {
          Files.delete(path);
        }
      }
    }
    TreeSet<String> generatedNames = new TreeSet<>();
    List<String> mismatches = new ArrayList<>();
    for (GeneratedSource file : files) {
      String name = file.qualifiedName().substring(file.qualifiedName().lastIndexOf('.') + 1) + ".java";
      generatedNames.add(name);
      Path golden = goldenDir.resolve(name);
      String source = file.text();
      if (update) {
        Files.writeString(golden, source, StandardCharsets.UTF_8);
      } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(source)) {
        mismatches.add(name);
      }
    }
    TreeSet<String> goldenNames = new TreeSet<>();
    try (Stream<Path> stored = Files.list(goldenDir)) {
      stored.forEach(p -> goldenNames.add(p.getFileName().toString()));
    }
    assertEquals(goldenNames, generatedNames, "the set of generated files changed");
    if (!mismatches.isEmpty()) {
      fail("generated sources differ from the golden files " + mismatches
          + "; if the change is intended, regenerate with EVENTSMITH_UPDATE_GOLDEN=1 and review the diff");
    }
  }

  @Test
  void generatingTwiceGivesTheSameBytes() {
    List<String> first = generateLibrary().stream().map(GeneratedSource::text).toList();
    List<String> second = generateLibrary().stream().map(GeneratedSource::text).toList();
    assertEquals(first, second);
  }
}
