package dev.eventsmith.maven;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads and checks the models of a file or folder; no Maven types, so it is usable and testable
 * outside a build. A folder normally holds one model, possibly split over several files. When its
 * files declare different packages, it holds several models (as several {@code @EventModel}
 * annotations can name its files one by one): each package's files are then checked as one model,
 * so the goal agrees with what the annotation processor generates.
 */
final class ModelValidation {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package:\\s*['\"]?([A-Za-z0-9_.]+)");

  private final Path model;
  private final Path displayBase;

  ModelValidation(Path model, Path displayBase) {
    this.model = model;
    this.displayBase = displayBase;
  }

  /**
   * One model found, and the label its generated code names it by: the path the user configured,
   * relative to the project, as the annotation processor names the path of its annotation.
   */
  record Found(LoadResult result, String label) {}

  /** One result per model found. */
  List<LoadResult> run() {
    return models().stream().map(Found::result).toList();
  }

  /** One result per model found, with its label. */
  List<Found> models() {
    if (!Files.isDirectory(model)) {
      return List.of(new Found(ModelLoader.load(model, displayBase), display(model)));
    }
    Map<String, List<ModelSource>> byPackage = new LinkedHashMap<>();
    List<ModelSource> withoutPackage = new ArrayList<>();
    try {
      for (Path file : yamlFiles()) {
        ModelSource source = new ModelSource(display(file), Files.readString(file, StandardCharsets.UTF_8));
        Optional<String> pkg = packageOf(source.content());
        if (pkg.isPresent()) {
          byPackage.computeIfAbsent(pkg.get(), p -> new ArrayList<>()).add(source);
        } else {
          withoutPackage.add(source);
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable or undecodable file: the loader reports it with its code and position.
      return List.of(new Found(ModelLoader.load(model, displayBase), display(model)));
    }
    if (byPackage.size() <= 1) {
      return List.of(new Found(ModelLoader.load(model, displayBase), display(model)));
    }
    List<Found> results = new ArrayList<>();
    byPackage.values().forEach(sources -> results.add(new Found(ModelLoader.load(sources),
        sources.size() == 1 ? sources.get(0).displayName() : display(model))));
    for (ModelSource orphan : withoutPackage) {
      results.add(new Found(new LoadResult(Optional.empty(), List.of(new Diagnostic(DiagnosticCode.CONFLICTING_HEADER,
          dev.eventsmith.spec.diagnostic.Severity.ERROR, new SourcePosition(orphan.displayName(), 1, 1),
          "this file declares no 'package', and its folder holds the models of several packages ("
              + String.join(", ", byPackage.keySet()) + "), so it belongs to none of them",
          "Put each model in a folder of its own, or add the 'package:' of its model to this file."))),
          orphan.displayName()));
    }
    return results;
  }

  static Optional<String> packageOf(String yaml) {
    Matcher m = PACKAGE.matcher(yaml);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.list(model)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  private String display(Path file) {
    return displayBase.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
  }
}
