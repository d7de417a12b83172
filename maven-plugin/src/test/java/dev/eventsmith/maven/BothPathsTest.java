package dev.eventsmith.maven;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin path (the generate goals) and the annotation processor path give the same sources,
 * byte for byte, for every example of the repository and the generator's test models; and with
 * both configured, the processor steps aside instead of generating the code twice.
 */
class BothPathsTest {

  private static final Pattern EVENT_MODEL = Pattern.compile("@(?:dev\\.eventsmith\\.annotation\\.)?EventModel\\(\"([^\"]*)\"\\)");

  @TempDir
  Path temp;

  /**
   * A project to generate: its hand-written sources, and where its model is.
   *
   * @param modelDir what the processor reads as the model directory
   * @param baseDir what the plugin names files relative to (the project folder)
   */
  record Project(String name, Path modelDir, Path baseDir, List<Path> sources) {
    @Override
    public String toString() {
      return name;
    }

    /** The model path the {@code @EventModel} annotation names. */
    Path model() {
      for (Path source : sources) {
        Matcher m = EVENT_MODEL.matcher(read(source));
        if (source.getFileName().toString().equals("package-info.java") && m.find()) {
          return modelDir.resolve(m.group(1));
        }
      }
      throw new AssertionError(name + " has no @EventModel");
    }
  }

  static List<Project> projects() throws IOException {
    List<Project> projects = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
      for (Path example : examples.filter(e -> Files.isDirectory(e.resolve("src/main/eventmodel"))).sorted().toList()) {
        List<Path> sources = new ArrayList<>(javaFiles(example.resolve("src/main/java")));
        javaFiles(example.resolve("src/test/java")).stream().filter(f -> read(f).contains("@EventModelSpecs"))
            .forEach(sources::add);
        if (sources.stream().anyMatch(f -> read(f).contains("import org.springframework."))) {
          // Needs Spring on the class path (giftcard-service): its own build compiles both ways' input.
          continue;
        }
        projects.add(new Project("examples/" + example.getFileName(), example.resolve("src/main/eventmodel"), example,
            sources));
      }
    }
    Path generatorTests = Path.of("..", "generator", "src", "test", "resources");
    try (Stream<Path> models = Files.list(generatorTests.resolve("sources"))) {
      for (Path sources : models.filter(Files::isDirectory).sorted().toList()) {
        projects.add(testModel(generatorTests, sources));
      }
    }
    assertTrue(projects.size() >= 2, projects::toString);
    return projects;
  }

  /** A generator test model: its sources, and the folder of the resources where its YAML lies. */
  private static Project testModel(Path generatorTests, Path sources) throws IOException {
    List<Path> files = javaFiles(sources);
    try (Stream<Path> roots = Files.list(generatorTests)) {
      for (Path root : roots.filter(Files::isDirectory).sorted().toList()) {
        Project project = new Project("generator test model " + sources.getFileName(), root, root, files);
        if (Files.isRegularFile(project.model())) {
          return project;
        }
      }
    }
    throw new AssertionError("no folder of " + generatorTests + " holds the model that " + sources + " names");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void bothPathsGiveTheSameSources(Project project) throws IOException {
    Compilation processed = compile(project, List.of(), true);
    assertThat(processed).succeeded();
    Map<String, String> byProcessor = sources(processed);

    Path main = temp.resolve("generated-sources");
    Generation.Result mainResult = Generation.run(new GenerateRequest(project.model(), project.baseDir(), main,
        Optional.empty()));
    assertFalse(mainResult.failed(), mainResult.diagnostics()::toString);
    Path classes = writeClasses(compile(project, javaFiles(main), false), temp.resolve("classes"));
    Path tests = temp.resolve("generated-test-sources");
    Generation.Result testResult = Generation.run(new GenerateRequest(project.model(), project.baseDir(), tests,
        Optional.of(classes)));
    assertFalse(testResult.failed(), testResult.diagnostics()::toString);
    Map<String, String> byPlugin = new TreeMap<>();
    byPlugin.putAll(readAll(main));
    byPlugin.putAll(readAll(tests));

    assertEquals(byProcessor.keySet(), byPlugin.keySet());
    byProcessor.forEach((name, text) -> assertEquals(text, byPlugin.get(name), name));
  }

  @Test
  void theProcessorStepsAsideForCodeThePluginGenerated() throws IOException {
    Project cart = projects().stream().filter(p -> p.name().equals("examples/shopping-cart")).findFirst().orElseThrow();
    Path main = temp.resolve("generated-sources");
    Generation.run(new GenerateRequest(cart.model(), cart.baseDir(), main, Optional.empty()));

    Compilation both = compile(cart, javaFiles(main), true);

    assertThat(both).succeeded();
    assertThat(both).hadNoteContaining("com.example.cart.ShoppingCartCodec is already a source of this compilation");
    // The plugin generated no spec tests here, so those the processor still writes for @EventModelSpecs.
    assertEquals(List.of(), sources(both).keySet().stream().filter(n -> !n.endsWith("SpecTest")).toList(),
        "the processor wrote none of the model's main code");
    assertFalse(sources(both).isEmpty());
  }

  private Compilation compile(Project project, List<Path> generated, boolean withProcessor) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Path source : project.sources()) {
      if (withProcessor || !read(source).contains("@EventModelSpecs")) {
        files.add(JavaFileObjects.forSourceString(qualifiedName(source), read(source)));
      }
    }
    for (Path source : generated) {
      files.add(JavaFileObjects.forSourceString(qualifiedName(source), read(source)));
    }
    Compiler javac = Compiler.javac().withOptions("--release", "17",
        "-Aeventsmith.modelDir=" + project.modelDir().toAbsolutePath());
    return (withProcessor ? javac.withProcessors(new EventsmithProcessor()) : javac.withProcessors()).compile(files);
  }

  private static Map<String, String> sources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        String name = file.getName().replaceFirst("^/SOURCE_OUTPUT/", "").replace(".java", "").replace('/', '.');
        sources.put(name, file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  private static Path writeClasses(Compilation compilation, Path folder) throws IOException {
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = folder.resolve(file.getName().replaceFirst("^/CLASS_OUTPUT/", ""));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
    return folder;
  }

  private static Map<String, String> readAll(Path root) {
    Map<String, String> sources = new TreeMap<>();
    for (Path file : javaFiles(root)) {
      sources.put(root.relativize(file).toString().replace(".java", "").replace('/', '.'), read(file));
    }
    return sources;
  }

  private static String qualifiedName(Path source) {
    String text = read(source);
    Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(text);
    String simple = source.getFileName().toString().replace(".java", "");
    return pkg.find() ? pkg.group(1) + "." + simple : simple;
  }

  private static List<Path> javaFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
