package dev.eventsmith.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** This repository as the checks see it: its root, its Maven modules and their poms. */
final class Repository {

  /** The repository root: this module's parent folder. */
  static final Path ROOT = Path.of(System.getProperty("eventsmith.root", "..")).toAbsolutePath().normalize();

  private Repository() {}

  /** A module of the reactor, read from its pom (groupId and version inherited from the parent if absent). */
  record Module(Path folder, String groupId, String artifactId, String version, String packaging, Element pom) {

    Optional<String> property(String name) {
      return child(pom, "properties").flatMap(p -> child(p, name)).map(e -> e.getTextContent().trim());
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Element xml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static Optional<Element> child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  static String childText(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
  }

  /** Every module of the reactor, the root included, depth first in declaration order. */
  static List<Module> modules() {
    List<Module> modules = new ArrayList<>();
    collect(ROOT, modules);
    return modules;
  }

  private static void collect(Path folder, List<Module> into) {
    Element pom = xml(folder.resolve("pom.xml"));
    Element parentRef = child(pom, "parent").orElse(null);
    String groupId = childText(pom, "groupId");
    String version = childText(pom, "version");
    if (parentRef != null) {
      groupId = groupId.isEmpty() ? childText(parentRef, "groupId") : groupId;
      version = version.isEmpty() ? childText(parentRef, "version") : version;
    }
    String packaging = childText(pom, "packaging");
    Module module = new Module(folder, groupId, childText(pom, "artifactId"), version,
        packaging.isEmpty() ? "jar" : packaging, pom);
    into.add(module);
    for (Element modules : children(pom, "modules")) {
      for (Element child : children(modules, "module")) {
        collect(folder.resolve(child.getTextContent().trim()).normalize(), into);
      }
    }
  }
}
