package dev.eventsmith.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides as tools read them: the front matter of skills and editor rules, the links between
 * documents, a page for every diagnostic code anyone reports, and the agent kit of new projects
 * (its one source is agent-guides/kit; the archetype jar must hold exactly those bytes).
 */
class GuidesLintTest {

  private static final Path KIT = Repository.ROOT.resolve("agent-guides/kit");
  private static final List<String> SKILLS = List.of("add-a-slice", "write-specs", "evolve-an-event-schema",
      "implement-slice-logic", "fix-a-failing-build", "split-a-model");

  /** The YAML front matter of a Markdown file, as key to raw value; empty when there is none. */
  static Map<String, String> frontMatter(Path file) {
    List<String> lines = Repository.text(file).lines().toList();
    Map<String, String> keys = new LinkedHashMap<>();
    if (lines.isEmpty() || !lines.get(0).equals("---")) {
      return keys;
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.equals("---")) {
        try {
          // What tools do with it: parse it as YAML, into a mapping of strings.
          new ObjectMapper(new YAMLFactory()).readTree(String.join("\n", lines.subList(1, keys.size() + 1)))
              .fields().forEachRemaining(f -> assertTrue(f.getValue().isValueNode(), file + ": " + f.getKey()));
        } catch (IOException e) {
          throw new AssertionError(file + ": the front matter is not YAML: " + e.getMessage());
        }
        return keys;
      }
      int colon = line.indexOf(':');
      assertTrue(colon > 0 && !line.startsWith(" "), file + ": front matter holds one 'key: value' per line: " + line);
      keys.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    throw new AssertionError(file + ": the front matter is not closed by ---");
  }

  @Test
  void everySkillHasTheFrontMatterOfTheAgentSkillsFormat() throws IOException {
    Path skills = KIT.resolve(".claude/skills");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> folders = Files.list(skills)) {
      for (Path folder : folders.toList()) {
        Path skill = folder.resolve("SKILL.md");
        assertTrue(Files.isRegularFile(skill), folder + " has no SKILL.md");
        Map<String, String> meta = frontMatter(skill);
        String name = meta.getOrDefault("name", "");
        assertEquals(folder.getFileName().toString(), name, skill + ": 'name' is the folder's name");
        assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*") && name.length() <= 64, skill + ": name " + name);
        String description = meta.getOrDefault("description", "");
        assertTrue(description.length() >= 40 && description.length() <= 1024,
            skill + ": 'description' says what the skill does and when to use it (40 to 1024 characters)");
        assertTrue(description.contains("Use when") || description.contains("Use before")
            || description.contains("Use whenever"), skill + ": the description says when to use it");
        found.add(name);
      }
    }
    assertEquals(new TreeSet<>(SKILLS), found);
  }

  @Test
  void theCursorRuleHasItsFrontMatter() throws IOException {
    try (Stream<Path> rules = Files.list(KIT.resolve(".cursor/rules"))) {
      List<Path> all = rules.toList();
      assertTrue(!all.isEmpty());
      for (Path rule : all) {
        assertTrue(rule.toString().endsWith(".mdc"), rule + ": Cursor reads rules from .mdc files");
        Map<String, String> meta = frontMatter(rule);
        assertTrue(!meta.getOrDefault("description", "").isEmpty(), rule + " has a description");
        assertTrue(meta.getOrDefault("alwaysApply", "").matches("true|false"), rule + ": alwaysApply is a boolean");
        assertTrue(meta.containsKey("globs"), rule + " has globs");
        assertTrue(Repository.text(rule).contains("AGENTS.md"), rule + " points to AGENTS.md");
      }
    }
  }

  @Test
  void agentsMdIsShortNamesEverySkillAndTheOtherAssistantsFilesPointToIt() {
    List<String> agents = Repository.text(KIT.resolve("AGENTS.md")).lines().toList();
    assertTrue(agents.size() <= 100, "the kit's AGENTS.md has " + agents.size() + " lines; at most 100");
    String text = String.join("\n", agents);
    for (String skill : SKILLS) {
      assertTrue(text.contains(".claude/skills/" + skill + "/SKILL.md"), "AGENTS.md names the skill " + skill);
    }
    for (String section : List.of("## Commands", "## When you do X, read Y", "./mvnw verify", "-Dtest=")) {
      assertTrue(text.contains(section), "AGENTS.md has " + section);
    }
    assertEquals("@AGENTS.md", Repository.text(KIT.resolve("CLAUDE.md")).lines().findFirst().orElse(""),
        "CLAUDE.md imports AGENTS.md");
    assertTrue(Repository.text(KIT.resolve(".github/copilot-instructions.md")).contains("AGENTS.md"));
    List<String> llms = Repository.text(KIT.resolve("llms.txt")).lines().toList();
    assertTrue(llms.get(0).startsWith("# ") && llms.stream().anyMatch(l -> l.startsWith("> ")),
        "llms.txt starts with a title and a summary (llmstxt.org)");
  }

  @Test
  void theArchetypeShipsTheKitByteForByte() throws IOException {
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(KIT)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = KIT.relativize(file).toString().replace('\\', '/');
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("archetype-resources/" + path)) {
          assertTrue(in != null, "the archetype lacks " + path);
          assertArrayEquals(Files.readAllBytes(file), in.readAllBytes(), path);
        }
        checked.add(path);
      }
    }
    assertTrue(checked.size() >= 11, checked::toString);
  }

  @Test
  void everyRelativeLinkOfTheDocsResolves() {
    Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    List<String> dead = new ArrayList<>();
    for (Path doc : Snippet.docs()) {
      if (doc.startsWith(KIT)) {
        continue; // relative to a new project, not to this repository: NewProjectIT checks them there
      }
      Matcher m = link.matcher(Repository.text(doc));
      while (m.find()) {
        String target = m.group(1).replaceAll("#.*$", "");
        if (target.isEmpty() || target.matches("[a-z]+:.*") || target.matches("(.*/)?target/.*")) {
          continue; // a URL, or build output (the API reference), which exists after a build
        }
        if (!Files.exists(doc.getParent().resolve(target))) {
          dead.add(Repository.ROOT.relativize(doc) + " -> " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), dead);
  }

  @Test
  void everyDiagnosticCodeThatIsMentionedHasAPage() throws IOException {
    Pattern code = Pattern.compile("ESM-\\d{4}");
    Set<String> mentioned = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Repository.ROOT)) {
      for (Path file : files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".md"))
          .filter(f -> !Repository.ROOT.relativize(f).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
          .filter(f -> !f.toString().contains("/src/test/")).toList()) {
        Matcher m = code.matcher(Files.readString(file));
        while (m.find()) {
          mentioned.add(m.group());
        }
      }
    }
    assertTrue(mentioned.size() > 50, mentioned::toString);
    List<String> missing = mentioned.stream()
        .filter(c -> !Files.isRegularFile(Repository.ROOT.resolve("agent-guides/errors/" + c + ".md"))).toList();
    assertEquals(List.of(), missing, "codes used in sources or docs without a page in agent-guides/errors/");
  }
}
