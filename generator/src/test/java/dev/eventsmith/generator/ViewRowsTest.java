package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ViewStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Views over several rows, end to end: a single-row view, events that change one row per element
 * of a list or name their row by another field, and specs that expect exactly some rows or some
 * among others. The contracts and spec tests are compared with golden files (regenerate with
 * {@code EVENTSMITH_UPDATE_GOLDEN=1}), then compiled by javac with hand-written projectors and run.
 */
class ViewRowsTest {

  private static final Path MODELS = Path.of("src/test/resources/rows");
  private static final String CARDS = "cards/cards.yaml";
  private static final Path GOLDEN = Path.of("src/test/resources/golden/cards");
  private static final List<String> GOLDEN_FILES = List.of("CardCountProjector", "CardCountRowCodec",
      "CardCountSpecTest", "CardsByTagProjector", "CardsByTagSpecTest", "CardsByHolderProjector", "CardDirectoryRowCodec");

  @TempDir
  Path temp;

  private static Compilation compile(Path modelDir) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : List.of("package-info", "CardsSpecs", "Card", "CardCountProjection", "CardsByTagProjection",
        "CardsByHolderProjection", "CardDirectoryProjection")) {
      sources.add(JavaFileObjects.forSourceString("com.example.cards." + name,
          TestModels.read(TestModels.SOURCES.resolve("cards").resolve(name + ".java"))));
    }
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + modelDir.toAbsolutePath(), "--release", "17")
        .compile(sources);
  }

  @Test
  void theContractsAndSpecTestsMatchTheGoldenFiles() throws IOException {
    Generator generator = new Generator(TestModels.load(CARDS, TestModels.read(MODELS.resolve(CARDS))), CARDS);
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    ClassName card = ClassName.get("com.example.cards", "Card");
    files.addAll(generator.testSources(new Implementations(Map.of("Card", card),
        Map.of("CardCount", card.peerClass("CardCountProjection"), "CardsByTag", card.peerClass("CardsByTagProjection"),
            "CardsByHolder", card.peerClass("CardsByHolderProjection"),
            "CardDirectory", card.peerClass("CardDirectoryProjection")), Map.of())));
    boolean update = "1".equals(System.getenv("EVENTSMITH_UPDATE_GOLDEN"));
    List<String> compared = new ArrayList<>();
    for (GeneratedSource file : GeneratedSource.render(files)) {
      String name = file.qualifiedName().substring(file.qualifiedName().lastIndexOf('.') + 1);
      if (!GOLDEN_FILES.contains(name)) {
        continue;
      }
      Path golden = GOLDEN.resolve(name + ".java");
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, file.text(), StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), file.text(),
          name + " differs from its golden file; if intended, regenerate with EVENTSMITH_UPDATE_GOLDEN=1 and review");
      compared.add(name);
    }
    assertEquals(GOLDEN_FILES.size(), compared.size(), "every golden file is generated: " + compared);
  }

  @Test
  void theGeneratedSpecTestsPassAgainstTheHandWrittenProjectors() throws Exception {
    Compilation compilation = compile(MODELS);
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    int run = 0;
    for (String test : List.of("IssueCardSpecTest", "CardCountSpecTest", "CardsByTagSpecTest", "CardsByHolderSpecTest")) {
      Class<?> type = loader.loadClass("com.example.cards." + test);
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          CompiledClassLoader.invoke(type, method);
          run++;
        }
      }
    }
    assertEquals(7, run, "one test per spec of cards.yaml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGeneratedFindersLookRowsUpByAFieldAndByEachElementOfAList() throws Exception {
    Compilation compilation = compile(MODELS);
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> row = loader.loadClass("com.example.cards.CardDirectory");
    Class<?> codec = loader.loadClass("com.example.cards.CardDirectoryRowCodec");
    var newRow = row.getConstructor(UUID.class, String.class, List.class);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    InMemoryViewStore<UUID, Object> store = new InMemoryViewStore<>();
    Map<UUID, Object> rows = new java.util.LinkedHashMap<>();
    rows.put(a, newRow.newInstance(a, "ann", List.of("gift", "red")));
    rows.put(b, newRow.newInstance(b, "bob", List.of("red")));
    store.apply(rows, Checkpoint.START, 1);

    Method byHolder = codec.getMethod("byHolder", ViewStore.class, String.class);
    Method byTags = codec.getMethod("byTags", ViewStore.class, String.class);
    assertEquals(List.of(a), List.copyOf(((Map<UUID, Object>) byHolder.invoke(null, store, "ann")).keySet()));
    assertEquals(List.of(a, b), List.copyOf(((Map<UUID, Object>) byTags.invoke(null, store, "red")).keySet()));
    assertEquals(Map.of(), byTags.invoke(null, store, "blue"));
    Object instance = codec.getField("INSTANCE").get(null);
    assertEquals(2, ((List<?>) codec.getMethod("lookups").invoke(instance)).size());
  }

  @Test
  void aWrongRowOfAnExactSpecFailsWithTheSpecNameItsLineAndBothSides() throws Exception {
    String yaml = TestModels.read(MODELS.resolve(CARDS)).replace("{ CardsByTag: { tag: red, cards: 2 } }",
        "{ CardsByTag: { tag: red, cards: 3 } }");
    int specLine = TestModels.lineOf(yaml, "- name: one card counts once for each of its tags");
    AssertionFailedError failure = failureOf(yaml, "CardsByTagSpecTest", "oneCardCountsOnceForEachOfItsTags");

    assertContains(failure.getMessage(), "spec 'one card counts once for each of its tags' (CardsByTag) failed at "
        + CARDS + ":" + specLine);
    assertContains(failure.getMessage(), "other values in the row of red");
    assertContains(failure.getMessage(), ">     cards: 3                      |     cards: 2");
  }

  @Test
  void anExactSpecFailsOnARowItDoesNotExpect() throws Exception {
    String yaml = TestModels.read(MODELS.resolve(CARDS)).replace("        - { CardsByTag: { tag: gift, cards: 1 } }\n", "");
    AssertionFailedError failure = failureOf(yaml, "CardsByTagSpecTest", "oneCardCountsOnceForEachOfItsTags");

    assertContains(failure.getMessage(), "rows not expected for gift");
  }

  @Test
  void hundredsOfExpectedRowsAreAddedByHelperMethodsAndAllCompared() throws Exception {
    StringBuilder tags = new StringBuilder();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 900; i++) {
      tags.append(i == 0 ? "" : ", ").append("t").append(i);
      rows.append("        - { CardsByTag: { tag: t").append(i).append(", cards: 1 } }\n");
    }
    String many = "    - name: many tags\n"
        + "      given: [ { CardIssued: { cardId: $a, holder: ann, tags: [" + tags + "] } } ]\n"
        + "      then:\n" + rows;
    String yaml = TestModels.read(MODELS.resolve(CARDS)).replace("  CardsByHolder:\n    - name:",
        many + "  CardsByHolder:\n    - name:");
    Path dir = temp.resolve("many");
    Files.createDirectories(dir.resolve("cards"));
    Files.writeString(dir.resolve(CARDS), yaml, StandardCharsets.UTF_8);
    Compilation compilation = compile(dir);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("com.example.cards.CardsByTagSpecTest")
        .contentsAsUtf8String().contains("manyTags_rows2(view, symbols);");
    Class<?> test = new CompiledClassLoader(compilation).loadClass("com.example.cards.CardsByTagSpecTest");
    CompiledClassLoader.invoke(test, test.getDeclaredMethod("manyTags"));

    // The last row, in the last helper, is compared too.
    Path wrong = temp.resolve("wrong");
    Files.createDirectories(wrong.resolve("cards"));
    Files.writeString(wrong.resolve(CARDS), yaml.replace("{ tag: t899, cards: 1 }", "{ tag: t899, cards: 2 }"),
        StandardCharsets.UTF_8);
    Compilation changed = compile(wrong);
    assertThat(changed).succeeded();
    Class<?> failing = new CompiledClassLoader(changed).loadClass("com.example.cards.CardsByTagSpecTest");
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> CompiledClassLoader.invoke(failing, failing.getDeclaredMethod("manyTags")));
    assertContains(thrown.getCause().getMessage(), "other values in the row of t899");
  }

  private AssertionFailedError failureOf(String yaml, String testClass, String testMethod) throws Exception {
    Path dir = temp.resolve("models");
    Files.createDirectories(dir.resolve("cards"));
    Files.writeString(dir.resolve(CARDS), yaml, StandardCharsets.UTF_8);
    Compilation compilation = compile(dir);
    assertThat(compilation).succeeded();
    Class<?> test = new CompiledClassLoader(compilation).loadClass("com.example.cards." + testClass);
    Method method = test.getDeclaredMethod(testMethod);
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> CompiledClassLoader.invoke(test, method));
    return assertInstanceOf(AssertionFailedError.class, thrown.getCause());
  }
}
