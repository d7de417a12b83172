package dev.eventsmith.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fenced code block of a Markdown file, with the marker that says how the build checks it: an
 * HTML comment on the line(s) just above the fence, {@code <!-- snippet: KIND key=value ... -->}.
 * The kinds are documented in CONTRIBUTING.md.
 */
record Snippet(Path doc, int line, String language, String kind, Map<String, String> args, String code) {

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*).*$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+)((?:\\s+\\S+=\\S+)*)\\s*-->\\s*$");

  /** Where the snippet is, as {@code doc:line} relative to the repository. */
  String where() {
    return Repository.ROOT.relativize(doc) + ":" + line;
  }

  /** The repository file an argument names. */
  Path file(String arg) {
    String value = args.get(arg);
    if (value == null) {
      throw new AssertionError(where() + ": the marker '" + kind + "' needs " + arg + "=<path>");
    }
    return Repository.ROOT.resolve(value).normalize();
  }

  /** Every fenced block of {@code doc}, in order. */
  static List<Snippet> of(Path doc) {
    List<String> lines = Repository.text(doc).lines().toList();
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      int close = i + 1;
      while (close < lines.size() && !lines.get(close).trim().equals("```")) {
        close++;
      }
      StringBuilder code = new StringBuilder();
      for (String l : lines.subList(i + 1, Math.min(close, lines.size()))) {
        code.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
      }
      String kind = "";
      Map<String, String> args = new LinkedHashMap<>();
      for (int j = i - 1; j >= 0 && lines.get(j).trim().startsWith("<!--"); j--) {
        Matcher marker = MARKER.matcher(lines.get(j));
        if (marker.matches()) {
          kind = marker.group(1);
          for (String pair : marker.group(2).trim().split("\\s+")) {
            if (!pair.isEmpty()) {
              args.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
          }
          break;
        }
      }
      snippets.add(new Snippet(doc, i + 1, open.group(2), kind, args, code.toString()));
      i = close;
    }
    return snippets;
  }

  /** The Markdown files whose snippets the build checks: README, CONTRIBUTING, docs/ and agent-guides/. */
  static List<Path> docs() {
    List<Path> docs = new ArrayList<>();
    for (String top : List.of("README.md", "CONTRIBUTING.md")) {
      if (Files.exists(Repository.ROOT.resolve(top))) {
        docs.add(Repository.ROOT.resolve(top));
      }
    }
    for (String folder : List.of("docs", "agent-guides")) {
      try (Stream<Path> walk = Files.walk(Repository.ROOT.resolve(folder))) {
        walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".mdc")).sorted().forEach(docs::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return docs;
  }
}
