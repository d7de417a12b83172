package dev.eventsmith.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Element;

/**
 * A new project, made both ways the README documents (archetype:generate and the init goal) with
 * the artifacts of this build, is the same project, builds green with its spec tests counted, and
 * has every file and runs every command its guides mention. The commands are taken from the
 * README and the project's AGENTS.md, so the documentation cannot drift from what works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewProjectIT {

  private static final Path WORK = Path.of("target", "new-projects").toAbsolutePath();
  private static final Path LOGS = WORK.resolve("logs");
  private static final String PACKAGE_PATH = "com/example/club";
  private static Path fromArchetype;
  private static Path fromInit;

  @BeforeAll
  static void createBothWays() throws Exception {
    deleteRecursively(WORK);
    Path archetypeFolder = Files.createDirectories(WORK.resolve("archetype"));
    MavenRun.of(archetypeFolder, LOGS.resolve("archetype-generate.log"), readmeCommand("maven-archetype-plugin:"))
        .assertSucceeded();
    fromArchetype = archetypeFolder.resolve("club");
    fromInit = Files.createDirectories(WORK.resolve("club"));
    MavenRun.of(fromInit, LOGS.resolve("init.log"), readmeCommand(":init")).assertSucceeded();
  }

  /** The README's command line that contains {@code marker}, run with this repository's Maven wrapper. */
  static List<String> readmeCommand(String marker) {
    String readme = Repository.text(Repository.ROOT.resolve("README.md"));
    String line = readme.lines().filter(l -> l.contains(marker) && l.contains("mvnw")).findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no command with " + marker));
    List<String> words = new ArrayList<>(Arrays.asList(line.replaceAll("\\s+#.*$", "").trim().split("\\s+")));
    assertTrue(words.get(0).endsWith("/mvnw"), "the README runs Maven through the wrapper of its checkout: " + line);
    words.set(0, Repository.ROOT.resolve("mvnw").toString());
    String version = MavenRun.property("eventsmith.version");
    assertTrue(line.contains(version), "the README's command names this build's version " + version + ": " + line);
    return words;
  }

  @Test
  @Order(1)
  void bothWaysGiveTheSameFiles() throws IOException {
    Map<String, String> archetype = tree(fromArchetype);
    Map<String, String> init = tree(fromInit);
    assertEquals(archetype.keySet(), init.keySet());
    assertEquals(archetype, init, "the same files, with the same content");
    for (Path project : List.of(fromArchetype, fromInit)) {
      assertTrue(Files.isExecutable(project.resolve("mvnw")), project + "/mvnw must be executable");
    }
    for (String expected : List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", ".gitignore",
        "README.md", "AGENTS.md", "CLAUDE.md", "llms.txt", ".github/copilot-instructions.md",
        "src/main/eventmodel/club.yaml", "src/main/java/" + PACKAGE_PATH + "/Member.java",
        "src/test/java/" + PACKAGE_PATH + "/ClubSpecs.java", "src/test/java/" + PACKAGE_PATH + "/ArchitectureTest.java")) {
      assertTrue(archetype.containsKey(expected), "the new project has " + expected);
    }
    assertFalse(archetype.get("pom.xml").contains("@"), "every @version@ of the template was filled in at build time");
  }

  @Test
  @Order(2)
  void initRefusesToOverwriteAndWritesNothing() throws Exception {
    Map<String, String> before = tree(fromInit);
    MavenRun again = MavenRun.of(fromInit, LOGS.resolve("init-again.log"), readmeCommand(":init"));
    assertNotEquals(0, again.exitCode(), "init in a folder that holds the project must fail");
    assertTrue(again.output().contains("error[ESM-0850]"), again.tail());
    assertTrue(again.output().contains("pom.xml"), "names the files it would overwrite:\n" + again.tail());
    assertEquals(before, tree(fromInit), "and changes nothing");
  }

  @Test
  @Order(3)
  void theNewProjectBuildsGreenAndRunsEverySpec() throws Exception {
    MavenRun verify = MavenRun.of(fromArchetype, LOGS.resolve("verify.log"),
        List.of(fromArchetype.resolve("mvnw").toString(), "verify"));
    verify.assertSucceeded();
    LoadResult model = ModelLoader.load(fromArchetype.resolve("src/main/eventmodel"));
    assertFalse(model.hasErrors(), model::format);
    int specs = model.model().orElseThrow().specs().size();
    int[] counted = specTests(fromArchetype);
    assertTrue(specs > 0);
    assertEquals(specs, counted[0], "every spec of the model ran as a test");
    assertEquals(0, counted[1], "no spec test failed or was skipped");
    Matcher promised = Pattern.compile("`verify` ends with `BUILD SUCCESS` after (\\d+) tests")
        .matcher(Repository.text(Repository.ROOT.resolve("README.md")));
    assertTrue(promised.find(), "the README says how many tests a new project runs");
    assertEquals(Integer.parseInt(promised.group(1)), allTests(fromArchetype), "as many tests as the README says");
  }

  /** Every test the surefire reports of a built project count. */
  static int allTests(Path project) throws IOException {
    try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
      int tests = 0;
      for (Path report : reports.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
        tests += Integer.parseInt(Repository.xml(report).getAttribute("tests"));
      }
      return tests;
    }
  }

  @Test
  @Order(4)
  void everyFileTheGuidesMentionExistsAfterTheBuild() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String guide : List.of("AGENTS.md", "README.md", "llms.txt", ".github/copilot-instructions.md",
        ".cursor/rules/eventsmith.mdc")) {
      missing.addAll(missingMentions(fromArchetype, guide));
    }
    try (Stream<Path> skills = Files.walk(fromArchetype.resolve(".claude/skills"))) {
      for (Path skill : skills.filter(p -> p.getFileName().toString().equals("SKILL.md")).toList()) {
        missing.addAll(missingMentions(fromArchetype, fromArchetype.relativize(skill).toString()));
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  @Order(5)
  void everyCommandOfAgentsMdWorks() throws Exception {
    String agents = Files.readString(fromInit.resolve("AGENTS.md"));
    int start = agents.indexOf("```bash\n", agents.indexOf("## Commands")) + "```bash\n".length();
    List<String> commands = agents.substring(start, agents.indexOf("```", start)).lines()
        .map(l -> l.replaceAll("\\s+#.*$", "").trim()).filter(l -> !l.isEmpty()).toList();
    assertTrue(commands.contains("./mvnw verify"), "AGENTS.md names the build command: " + commands);
    int n = 0;
    for (String command : commands) {
      if (command.equals("./mvnw verify")) {
        continue; // run on the identical project from the archetype above
      }
      List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
      assertEquals("./mvnw", words.get(0), command);
      words.set(0, fromInit.resolve("mvnw").toString());
      words.replaceAll(w -> w.replace("'", ""));
      MavenRun run = MavenRun.of(fromInit, LOGS.resolve("command-" + ++n + ".log"), words);
      run.assertSucceeded();
      Matcher test = Pattern.compile("-Dtest=(\\w+)(#\\w+)?").matcher(command);
      if (test.find()) {
        Path report = fromInit.resolve("target/surefire-reports/TEST-com.example.club." + test.group(1) + ".xml");
        Element suite = Repository.xml(report);
        int tests = Integer.parseInt(suite.getAttribute("tests"));
        assertTrue(test.group(2) == null ? tests > 1 : tests == 1, command + " ran " + tests + " test(s)");
      }
      if (command.contains("exec:java")) {
        assertTrue(run.output().contains("MemberDirectory:") && run.output().contains("welcomed=true"), run.tail());
      }
    }
    assertTrue(n >= 3, "AGENTS.md shows how to check the model, run one subject's specs, one spec and the program");
  }

  /** Tests and (failures + errors + skipped) over the spec test reports of a built project. */
  static int[] specTests(Path project) throws IOException {
    int tests = 0;
    int bad = 0;
    try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
      for (Path report : reports.filter(p -> p.getFileName().toString().matches("TEST-.*SpecTest\\.xml")).toList()) {
        Element suite = Repository.xml(report);
        tests += Integer.parseInt(suite.getAttribute("tests"));
        for (String attribute : List.of("failures", "errors", "skipped")) {
          bad += Integer.parseInt(suite.getAttribute(attribute));
        }
      }
    }
    return new int[] {tests, bad};
  }

  /** Paths that a guide mentions (in backticks or as a link) and the built project does not have. */
  static List<String> missingMentions(Path project, String guide) throws IOException {
    String text = Files.readString(project.resolve(guide));
    List<String> missing = new ArrayList<>();
    Matcher m = Pattern.compile("`([^`\\s]+)`|\\]\\(([^)\\s]+)\\)").matcher(text);
    while (m.find()) {
      String mention = m.group(1) != null ? m.group(1) : m.group(2);
      if (!looksLikePath(mention)) {
        continue;
      }
      String path = mention.replace("<package>", PACKAGE_PATH).replace("ESM-NNNN.md", "");
      if (path.contains("<") || path.contains("*")) {
        path = path.substring(0, path.lastIndexOf('/', Math.max(path.indexOf('<'), path.indexOf('*'))) + 1);
      }
      if (!Files.exists(project.resolve(path))) {
        missing.add(guide + " mentions " + mention);
      }
    }
    return missing;
  }

  private static boolean looksLikePath(String s) {
    return !s.startsWith("http") && !s.startsWith("-") && !s.startsWith("$") && !s.contains("(") && !s.contains("=")
        && (s.contains("/") || s.matches("[\\w.-]+\\.(md|txt|xml|mdc)")) && !s.startsWith("./mvnw");
  }

  /** Every file below {@code root} by relative path, with its content. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!relative.startsWith("target/")) {
          files.put(relative, Files.readString(file));
        }
      }
    }
    return files;
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
