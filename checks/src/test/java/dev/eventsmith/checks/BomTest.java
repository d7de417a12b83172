package dev.eventsmith.checks;

import static dev.eventsmith.checks.Repository.childText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.checks.Repository.Module;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;

/** eventsmith-bom pins every artifact this repository publishes, at the reactor's version. */
class BomTest {

  /** Modules of the reactor that are never published, and why. */
  private static final Map<String, String> NOT_PUBLISHED = Map.of(
      "eventsmith-bench", "benchmarks, run from a checkout of this repository");

  private static Module bom() {
    return Repository.modules().stream().filter(m -> m.artifactId().equals("eventsmith-bom")).findFirst()
        .orElseThrow(() -> new AssertionError("eventsmith-bom is not a module of the reactor"));
  }

  /** Every published artifact: ours, not a pom (parents and aggregators are pulled in by their children), not skipped. */
  private static TreeSet<String> published() {
    return Repository.modules().stream()
        .filter(m -> m.groupId().equals("dev.eventsmith"))
        .filter(m -> !m.packaging().equals("pom"))
        .filter(m -> !NOT_PUBLISHED.containsKey(m.artifactId()))
        .filter(m -> !m.property("maven.deploy.skip").orElse("false").equals("true"))
        .map(Module::artifactId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Element> pinned() {
    Element management = Repository.child(bom().pom(), "dependencyManagement").orElseThrow();
    Element dependencies = Repository.child(management, "dependencies").orElseThrow();
    return Repository.children(dependencies, "dependency");
  }

  @Test
  void pinsExactlyThePublishedArtifactsOfTheReactor() {
    TreeSet<String> inBom = pinned().stream().map(d -> childText(d, "artifactId"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(published().size() >= 8, () -> "the reactor should publish the runtime, stores, spec, generator,"
        + " plugin and archetype; found " + published());
    assertEquals(published(), inBom, "bom/pom.xml must list every published module of the reactor, and no other:"
        + " add a module to it when you add one to the build (or give the module maven.deploy.skip=true)");
  }

  @Test
  void pinsThemAtTheVersionOfThisBuild() {
    String version = Repository.modules().get(0).version();
    assertEquals(version, bom().version(), "the BOM has no parent: its version is written in bom/pom.xml");
    for (Element dependency : pinned()) {
      assertEquals("dev.eventsmith", childText(dependency, "groupId"));
      assertEquals("${project.version}", childText(dependency, "version"), childText(dependency, "artifactId"));
    }
  }

  @Test
  void importsNothingButEventsmith() {
    // A user's project imports the BOM: it must not also pin their Jackson, JUnit or plugins.
    assertTrue(Repository.child(bom().pom(), "parent").isEmpty(), "the BOM must not inherit the parent's pins");
    assertTrue(Repository.child(bom().pom(), "build").isEmpty());
    assertTrue(Repository.child(bom().pom(), "dependencies").isEmpty());
  }
}
