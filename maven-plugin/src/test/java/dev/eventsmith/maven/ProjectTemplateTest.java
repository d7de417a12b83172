package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProjectTemplateTest {

  private static final ProjectCoordinates SHOP = new ProjectCoordinates("com.acme", "shop", "2.0", "com.acme.shop");

  private static String text(Map<String, byte[]> files, String path) {
    assertTrue(files.containsKey(path), () -> "no " + path + " in " + files.keySet());
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  @Test
  void putsJavaSourcesIntoThePackageAndFillsInTheCoordinates() {
    Map<String, byte[]> files = ProjectTemplate.load(getClass().getClassLoader()).render(SHOP);
    assertTrue(text(files, "src/main/java/com/acme/shop/Member.java").startsWith("package com.acme.shop;\n"));
    assertTrue(text(files, "src/test/java/com/acme/shop/ClubSpecs.java").startsWith("package com.acme.shop;\n"));
    assertTrue(text(files, "src/main/eventmodel/club.yaml").contains("\npackage: com.acme.shop\n"));
    String pom = text(files, "pom.xml");
    assertTrue(pom.contains("<groupId>com.acme</groupId>") && pom.contains("<artifactId>shop</artifactId>")
        && pom.contains("<version>2.0</version>"), pom);
    assertTrue(pom.contains("<version>${eventsmith.version}</version>"), "unknown references are left as written");
    assertTrue(pom.contains("<mainClass>com.acme.shop.ClubApp</mainClass>"), pom);
    assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith("src/main/java/Member")), "no file outside the package");
  }

  @Test
  void copiesTheKitAndTheWrapperAsTheyAre() {
    ProjectTemplate template = ProjectTemplate.load(getClass().getClassLoader());
    Map<String, byte[]> shop = template.render(SHOP);
    Map<String, byte[]> other = template.render(new ProjectCoordinates("org.x", "y", "1", "org.x.y"));
    for (String path : List.of("AGENTS.md", "CLAUDE.md", "llms.txt", ".gitignore", "mvnw", "mvnw.cmd",
        ".mvn/wrapper/maven-wrapper.properties", ".github/copilot-instructions.md", ".cursor/rules/eventsmith.mdc",
        ".claude/skills/add-a-slice/SKILL.md", "README.md")) {
      assertArrayEquals(shop.get(path), other.get(path), path + " does not depend on the coordinates");
    }
    assertTrue(text(shop, "CLAUDE.md").startsWith("@AGENTS.md"));
  }

  /**
   * The archetype renders filtered files with Velocity, this class with four plain variables: they
   * agree only while filtered files use nothing else of Velocity.
   */
  @Test
  void filteredFilesUseNoOtherTemplateSyntax() {
    ProjectTemplate template = ProjectTemplate.load(getClass().getClassLoader());
    Pattern directive = Pattern.compile("#[A-Za-z{*#\\[]|\\\\\\$|\\$!|\\$(groupId|artifactId|version|package"
        + "|packageInPathFormat|rootArtifactId|parentArtifactId)\\b|\\$\\{(packageInPathFormat|rootArtifactId"
        + "|parentArtifactId|archetype\\w*)}");
    List<String> found = new ArrayList<>();
    Map<String, byte[]> files = template.render(SHOP);
    for (String path : files.keySet()) {
      if (path.endsWith(".java") || path.endsWith(".yaml") || path.equals("pom.xml")) {
        Matcher m = directive.matcher(new String(files.get(path), StandardCharsets.UTF_8));
        while (m.find()) {
          found.add(path + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
