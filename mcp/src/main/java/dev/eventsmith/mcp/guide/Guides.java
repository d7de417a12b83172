package dev.eventsmith.mcp.guide;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The agent guides, error pages and model format reference shipped inside the server (copied from
 * the repository's {@code agent-guides/} and {@code docs/} by the build), so a user's project needs
 * none of them on disk. Each has a URI: {@code eventsmith://guides/AGENTS.md},
 * {@code eventsmith://errors/ESM-0103}, {@code eventsmith://docs/model-format.md}.
 */
public final class Guides {

  /** Where the build puts the documents on the class path. */
  static final String ROOT = "eventsmith/";
  private static final String GUIDES = ROOT + "agent-guides/";
  private static final String ERRORS = GUIDES + "errors/";
  private static final String DOCS = ROOT + "docs/";

  /** One document: its URI, a short name, and its Markdown text. */
  public record Document(String uri, String name, String description, String text) {}

  private final List<Document> documents;

  private Guides(List<Document> documents) {
    this.documents = List.copyOf(documents);
  }

  /** The documents on this server's class path. */
  public static Guides bundled() {
    ClassLoader loader = Guides.class.getClassLoader();
    List<Document> documents = new ArrayList<>();
    for (String resource : list(loader, GUIDES + "AGENTS.md", GUIDES)) {
      documents.add(document(loader, resource));
    }
    for (String resource : list(loader, DOCS + "model-format.md", DOCS)) {
      documents.add(document(loader, resource));
    }
    documents.sort(Comparator.comparing(Document::uri));
    return new Guides(documents);
  }

  /** Every document, by URI. */
  public List<Document> documents() {
    return documents;
  }

  /** The document of {@code uri}. */
  public Optional<Document> byUri(String uri) {
    return documents.stream().filter(d -> d.uri().equals(uri)).findFirst();
  }

  /** The page of an error code, e.g. {@code ESM-0103}. */
  public Optional<Document> errorPage(String code) {
    return byUri(errorUri(code));
  }

  /** The URI of an error code's page. */
  public static String errorUri(String code) {
    return "eventsmith://errors/" + code;
  }

  /** The first document whose path under the guides ends with {@code suffix}, e.g. a skill's {@code SKILL.md}. */
  public Optional<Document> guideEndingWith(String suffix) {
    return documents.stream().filter(d -> d.uri().startsWith("eventsmith://guides/") && d.uri().endsWith(suffix))
        .findFirst();
  }

  private static Document document(ClassLoader loader, String resource) {
    String text = read(loader, resource);
    if (resource.startsWith(ERRORS) && resource.endsWith(".md")) {
      String code = resource.substring(ERRORS.length(), resource.length() - 3);
      return new Document(errorUri(code), code, firstLine(text), text);
    }
    String path = resource.substring(ROOT.length());
    String uri = resource.startsWith(GUIDES)
        ? "eventsmith://guides/" + resource.substring(GUIDES.length())
        : "eventsmith://" + path;
    return new Document(uri, path, firstLine(text), text);
  }

  private static String firstLine(String text) {
    String first = text.lines().filter(l -> !l.isBlank() && !l.equals("---")).findFirst().orElse("");
    return first.replaceFirst("^#+\\s*", "");
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the bundled document " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled document " + resource, e);
    }
  }

  /** The text resources under {@code folder}, found through one resource known to be in it. */
  private static List<String> list(ClassLoader loader, String known, String folder) {
    URL url = loader.getResource(known);
    if (url == null) {
      return List.of();
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          return jar.stream().map(JarEntry::getName)
              .filter(n -> n.startsWith(folder) && isText(n)).sorted().toList();
        }
      }
      Path base = Path.of(url.toURI()).getParent();
      for (int depth = known.substring(folder.length()).split("/").length - 1; depth > 0; depth--) {
        base = base.getParent();
      }
      Path root = base;
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(Files::isRegularFile)
            .map(f -> folder + root.relativize(f).toString().replace('\\', '/'))
            .filter(Guides::isText).sorted().toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the bundled documents in " + folder + ": " + e, e);
    }
  }

  private static boolean isText(String name) {
    return name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".mdc");
  }
}
