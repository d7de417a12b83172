package dev.eventsmith.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Every Java and YAML snippet of the README, CONTRIBUTING.md, docs/ and agent-guides/ is compiled
 * or validated here, as its marker says (the kinds are in CONTRIBUTING.md). A snippet without a
 * marker must be a whole model or a whole Java file, except in the error pages, whose examples
 * show mistakes.
 */
class DocsTest {

  private static final Path WORK = Path.of("target", "docs").toAbsolutePath();
  private static final String PACKAGE = "com.example.club";
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(Repository.text(Repository.ROOT.resolve(
          "spec/src/main/resources/dev/eventsmith/spec/eventmodel.schema.json")));

  @TestFactory
  Stream<DynamicTest> everySnippetIsCheckedAsItsMarkerSays() {
    return Snippet.docs().stream().map(doc -> DynamicTest.dynamicTest(Repository.ROOT.relativize(doc).toString(),
        () -> new DocCheck(doc).run()));
  }

  @Test
  void theCheckCanFail() throws IOException {
    Path doc = Files.createDirectories(WORK).resolve("broken.md");
    Files.writeString(doc, String.join("\n", "```yaml", "eventmodel: 1", "name: X", "package: a.b", "evnts: {}", "```",
        "<!-- snippet: statements -->", "```java", "int x = \"text\";", "```",
        "<!-- snippet: excerpt of=README.md -->", "```text", "a line that is nowhere", "```", ""));
    List<String> problems = new DocCheck(doc).problems();
    assertEquals(3, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("ESM-0004"), problems.get(0));
    assertTrue(problems.get(1).contains("incompatible types"), problems.get(1));
    assertTrue(problems.get(2).contains("a line that is nowhere"), problems.get(2));
  }

  /** The snippets of one document; fragments of one model add up, in the order of the document. */
  static final class DocCheck {
    private final Path doc;
    private final boolean errorPage;
    private final Map<Path, String> models = new LinkedHashMap<>();
    private final Map<Path, List<String>> members = new LinkedHashMap<>();
    private final Map<String, List<ModelSource>> groups = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    DocCheck(Path doc) {
      this.doc = doc;
      this.errorPage = Repository.ROOT.relativize(doc).startsWith(Path.of("agent-guides", "errors"));
    }

    void run() throws IOException {
      List<String> found = problems();
      assertEquals(List.of(), found);
    }

    List<String> problems() throws IOException {
      for (Snippet s : Snippet.of(doc)) {
        try {
          check(s);
        } catch (AssertionError | RuntimeException e) {
          problems.add(s.where() + ": " + e.getMessage());
        }
      }
      groups.forEach((group, sources) -> expectClean("group " + group, ModelLoader.load(sources)));
      if (!members.isEmpty()) {
        compileProjects();
      }
      return problems;
    }

    private void check(Snippet s) throws IOException {
      if (s.kind().equals("checked-by")) {
        Path test = s.file("test");
        assertTrue(Files.isRegularFile(test), "no " + test);
        assertTrue(Repository.text(test).contains(doc.getFileName().toString()), test + " does not read " + doc.getFileName());
        return;
      }
      if (s.kind().equals("excerpt")) {
        excerpt(s);
        return;
      }
      switch (s.language()) {
        case "yaml" -> yaml(s);
        case "java" -> java(s);
        case "json" -> {
          try {
            new ObjectMapper().readTree(s.code());
          } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
          }
        }
        default -> assertTrue(s.kind().isEmpty(), "a marker '" + s.kind() + "' on a " + s.language() + " block");
      }
    }

    private void excerpt(Snippet s) {
      if (s.language().equals("yaml") && !s.args().containsKey("of")) {
        schemaValid(ModelMerge.withHeader(s.code()));
        return;
      }
      Path file = s.file("of");
      if (s.language().equals("yaml")) {
        schemaValid(ModelMerge.merge(model(file), s.code()));
        return;
      }
      List<String> lines = Repository.text(file).lines().map(String::trim).toList();
      int at = 0;
      for (String line : s.code().lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
        int found = lines.subList(at, lines.size()).indexOf(line);
        assertTrue(found >= 0, "not in " + Repository.ROOT.relativize(file) + " (in this order): " + line);
        at += found + 1;
      }
    }

    private void yaml(Snippet s) {
      switch (s.kind()) {
        case "" -> {
          if (errorPage) {
            return; // an example of a mistake; a page may opt in with 'error'
          }
          assertTrue(s.code().lines().anyMatch(l -> l.startsWith("eventmodel:")),
              "not a whole model: mark it (fragment, excerpt, error, ...; see CONTRIBUTING.md)");
          expectClean("model", load(s.code()));
        }
        case "model" -> {
          if (s.args().containsKey("group")) {
            groups.computeIfAbsent(s.args().get("group"), g -> new ArrayList<>())
                .add(new ModelSource(s.args().getOrDefault("file", "model.yaml"), s.code()));
          } else {
            expectClean("model", load(s.code()));
          }
        }
        case "fragment" -> {
          Path file = s.file("of");
          String merged = ModelMerge.merge(model(file), s.code());
          expectClean("the model with the fragment", load(merged));
          models.put(file, merged);
        }
        case "error" -> {
          String code = s.args().get("code");
          String text = s.args().containsKey("of") ? ModelMerge.merge(model(s.file("of")), s.code()) : s.code();
          LoadResult result = load(text);
          assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().id().equals(code)),
              "expected " + code + ", got:\n" + result.format());
        }
        default -> throw new AssertionError("unknown marker '" + s.kind() + "' for yaml");
      }
    }

    private void java(Snippet s) throws IOException {
      switch (s.kind()) {
        case "" -> {
          if (errorPage) {
            return;
          }
          assertTrue(s.code().matches("(?s).*\\b(class|interface|record|enum)\\b.*"),
              "not a whole Java file: mark it (statements, members, excerpt; see CONTRIBUTING.md)");
          compileAlone(s, s.code());
        }
        case "statements" -> {
          List<String> imports = s.code().lines().filter(l -> l.startsWith("import ")).toList();
          String body = s.code().lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
          compileAlone(s, String.join("\n", imports) + "\n\nclass Snippet {\n  void run() throws Exception {\n"
              + body.indent(4) + "  }\n}\n");
        }
        case "members" -> members.computeIfAbsent(s.file("into"), f -> new ArrayList<>()).add(s.code());
        default -> throw new AssertionError("unknown marker '" + s.kind() + "' for java");
      }
    }

    private void compileAlone(Snippet s, String source) throws IOException {
      String name = source.matches("(?s).*\\bpublic\\s+(final\\s+)?(class|interface|record|enum)\\s+\\w+.*")
          ? source.replaceAll("(?s).*\\bpublic\\s+(?:final\\s+)?(?:class|interface|record|enum)\\s+(\\w+).*", "$1")
          : "Snippet";
      Path work = WORK.resolve(Repository.ROOT.relativize(doc).toString().replace('/', '_') + "-" + s.line());
      NewProjectIT.deleteRecursively(work);
      String errors = Javac.compile(Map.of(name + ".java", source), work, null);
      assertEquals("", errors, "does not compile:\n" + source);
    }

    /** The model file (the template's with its package filled in), with this document's fragments so far. */
    private String model(Path file) {
      return models.computeIfAbsent(file, f -> Repository.text(f).replace("${package}", PACKAGE));
    }

    /**
     * Each project that snippets add Java members to, compiled with the model and the fragments of
     * this document; then the project's generated spec tests run.
     */
    private void compileProjects() throws IOException {
      Map<Path, List<Path>> byProject = new TreeMap<>();
      members.keySet().forEach(f -> byProject.computeIfAbsent(project(f), p -> new ArrayList<>()).add(f));
      for (Path project : byProject.keySet()) {
        Path work = WORK.resolve(Repository.ROOT.relativize(doc).toString().replace('/', '_') + "-project");
        NewProjectIT.deleteRecursively(work);
        Path modelDir = Files.createDirectories(work.resolve("eventmodel"));
        Path sourceModels = project.resolve("src/main/eventmodel");
        try (Stream<Path> files = Files.list(sourceModels)) {
          for (Path model : files.toList()) {
            Files.writeString(modelDir.resolve(model.getFileName()), model(model));
          }
        }
        Map<String, String> sources = new TreeMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
          try (Stream<Path> files = Files.walk(project.resolve(root))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
              String text = Repository.text(file).replace("${package}", PACKAGE);
              for (String added : members.getOrDefault(file.normalize(), List.of())) {
                // Imports of the snippet go after the file's package line, its members before the last brace.
                String imports = added.lines().filter(l -> l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
                String body = added.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
                int afterPackage = text.indexOf('\n', text.indexOf("package ")) + 1;
                text = text.substring(0, afterPackage) + imports + text.substring(afterPackage);
                text = text.substring(0, text.lastIndexOf('}')) + "\n" + body.indent(2) + "}\n";
              }
              sources.put(root + "/" + project.resolve(root).relativize(file), text);
            }
          }
        }
        String errors = Javac.compile(sources, work, modelDir);
        if (!errors.isEmpty()) {
          problems.add(Repository.ROOT.relativize(doc) + ": its Java does not compile into "
              + Repository.ROOT.relativize(project) + ":\n" + errors);
          continue;
        }
        TestExecutionSummary summary = runSpecTests(work);
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
          StringBuilder failures = new StringBuilder();
          summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ")
              .append(f.getException().getMessage()).append('\n'));
          problems.add(Repository.ROOT.relativize(doc) + ": with its snippets, the spec tests of "
              + Repository.ROOT.relativize(project) + " fail (" + summary.getTestsSucceededCount() + " passed):\n" + failures);
        }
      }
    }

    private static Path project(Path javaFile) {
      Path p = javaFile;
      while (p != null && !Files.isDirectory(p.resolve("src/main/eventmodel"))) {
        p = p.getParent();
      }
      if (p == null) {
        throw new AssertionError(javaFile + " is not in a project with src/main/eventmodel");
      }
      return p;
    }

    private static TestExecutionSummary runSpecTests(Path work) throws IOException {
      try (URLClassLoader loader = new ChildFirst(work.resolve("classes").toUri().toURL())) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : Javac.classNames(work)) {
          if (name.endsWith("SpecTest")) {
            request.selectors(DiscoverySelectors.selectClass(loader.loadClass(name)));
          }
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request.build(), listener);
        return listener.getSummary();
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * Loads the freshly compiled classes before the test class path's: the example's classes are
     * on it too, without the members a snippet adds.
     */
    private static final class ChildFirst extends URLClassLoader {
      ChildFirst(URL classes) {
        super(new URL[] {classes}, DocsTest.class.getClassLoader());
      }

      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          if (c == null && findResource(name.replace('.', '/') + ".class") != null) {
            c = findClass(name);
          }
          if (c == null) {
            return super.loadClass(name, resolve);
          }
          if (resolve) {
            resolveClass(c);
          }
          return c;
        }
      }
    }

    private static LoadResult load(String yaml) {
      return ModelLoader.load(List.of(new ModelSource("snippet.yaml", yaml)));
    }

    private static void expectClean(String what, LoadResult result) {
      List<Diagnostic> errors = result.errors();
      assertTrue(errors.isEmpty(), what + " has errors:\n" + result.format());
    }

    private static void schemaValid(String yaml) {
      try {
        List<Error> errors = SCHEMA.validate(YAML.readTree(yaml));
        assertTrue(errors.isEmpty(), "the JSON Schema refuses it: " + errors + "\n" + yaml);
      } catch (IOException e) {
        throw new AssertionError("not YAML: " + e.getMessage());
      }
    }
  }
}
