package dev.eventsmith.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The new-project template of the eventsmith-archetype jar, rendered without Maven: the same
 * {@code archetype-resources/} and {@code META-INF/maven/archetype-metadata.xml} that
 * {@code archetype:generate} reads, so that both ways of starting a project give the same files.
 * Filtered files may use {@code ${groupId}}, {@code ${artifactId}}, {@code ${version}} and
 * {@code ${package}}; everything else in them is copied as written, as the archetype's template
 * engine copies references it does not know.
 */
final class ProjectTemplate {

  static final String DESCRIPTOR = "META-INF/maven/archetype-metadata.xml";
  static final String RESOURCES = "archetype-resources/";
  /** Files that the archetype's post-generation script also makes executable. */
  static final List<String> EXECUTABLES = List.of("mvnw");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(groupId|artifactId|version|package)}");

  private final Map<String, byte[]> files;
  private final List<FileSet> fileSets;

  private ProjectTemplate(Map<String, byte[]> files, List<FileSet> fileSets) {
    this.files = files;
    this.fileSets = fileSets;
  }

  /** One {@code <fileSet>} of the archetype descriptor. */
  record FileSet(String directory, boolean filtered, boolean packaged, List<String> includes) {

    /** The path below the directory, if this set takes {@code path}. */
    Optional<String> take(String path) {
      String prefix = directory.isEmpty() ? "" : directory + "/";
      if (!path.startsWith(prefix)) {
        return Optional.empty();
      }
      String rest = path.substring(prefix.length());
      return includes.stream().anyMatch(include -> matches(include, rest)) ? Optional.of(rest) : Optional.empty();
    }

    private static boolean matches(String include, String rest) {
      if (include.equals("**")) {
        return true;
      }
      if (include.startsWith("**/*")) {
        return rest.endsWith(include.substring(4));
      }
      return include.equals(rest);
    }
  }

  /** The template found next to the archetype descriptor on {@code loader}'s class path. */
  static ProjectTemplate load(ClassLoader loader) {
    URL descriptor = loader.getResource(DESCRIPTOR);
    if (descriptor == null) {
      throw new IllegalStateException("the project template (" + DESCRIPTOR + " of eventsmith-archetype) is not on"
          + " the class path of eventsmith-maven-plugin");
    }
    try {
      Map<String, byte[]> files = new TreeMap<>();
      if (descriptor.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) descriptor.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(RESOURCES)) {
              try (InputStream in = jar.getInputStream(entry)) {
                files.put(entry.getName().substring(RESOURCES.length()), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path root = Path.of(descriptor.toURI()).getParent().getParent().getParent().resolve(RESOURCES);
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path file : walk.filter(Files::isRegularFile).toList()) {
            files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
          }
        }
      }
      try (InputStream in = descriptor.openStream()) {
        return new ProjectTemplate(files, fileSets(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project template at " + descriptor, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<FileSet> fileSets(InputStream descriptor) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(descriptor);
      NodeList sets = document.getElementsByTagName("fileSet");
      List<FileSet> result = new ArrayList<>();
      for (int i = 0; i < sets.getLength(); i++) {
        Element set = (Element) sets.item(i);
        List<String> includes = new ArrayList<>();
        NodeList includeNodes = set.getElementsByTagName("include");
        for (int j = 0; j < includeNodes.getLength(); j++) {
          includes.add(includeNodes.item(j).getTextContent().trim());
        }
        result.add(new FileSet(text(set, "directory"), Boolean.parseBoolean(set.getAttribute("filtered")),
            Boolean.parseBoolean(set.getAttribute("packaged")), List.copyOf(includes)));
      }
      return List.copyOf(result);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("the archetype descriptor is not readable XML: " + e.getMessage(), e);
    }
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /**
   * The files of a new project with these coordinates, by path relative to the project folder,
   * in path order. As with the archetype, the root {@code pom.xml} is always filtered, and a
   * template file that no file set takes is not part of the project.
   */
  Map<String, byte[]> render(ProjectCoordinates coordinates) {
    Map<String, byte[]> project = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      if (path.equals("pom.xml")) {
        project.put(path, filter(file.getValue(), coordinates));
        continue;
      }
      for (FileSet set : fileSets) {
        Optional<String> taken = set.take(path);
        if (taken.isPresent()) {
          String rest = taken.get();
          String prefix = set.directory().isEmpty() ? "" : set.directory() + "/";
          String target = set.packaged() ? prefix + coordinates.packageName().replace('.', '/') + "/" + rest : path;
          project.put(target, set.filtered() ? filter(file.getValue(), coordinates) : file.getValue());
          break;
        }
      }
    }
    return project;
  }

  private static byte[] filter(byte[] content, ProjectCoordinates coordinates) {
    Matcher m = VARIABLE.matcher(new String(content, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "groupId" -> coordinates.groupId();
        case "artifactId" -> coordinates.artifactId();
        case "version" -> coordinates.version();
        default -> coordinates.packageName();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
