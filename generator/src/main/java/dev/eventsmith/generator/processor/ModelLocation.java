package dev.eventsmith.generator.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a model's YAML lives and how diagnostics name it. The model directory is the processor
 * option {@code eventsmith.modelDir} if given, else {@code src/main/eventmodel} found from the
 * source root of the annotated file: {@code src/main/java} and {@code src/test/java} both lead to
 * {@code src/main/eventmodel}.
 *
 * @param path the model file or folder
 * @param displayBase the folder that YAML file names are shown relative to: the module's folder
 *     when the model directory sits in the standard layout, else the model directory itself
 */
record ModelLocation(Path path, Path displayBase) {

  static final String DEFAULT_DIR = "src/main/eventmodel";

  /** The model directory from the source root of an annotated file, if the layout is standard. */
  static Optional<Path> modelDirFromSourceRoot(Path sourceRoot) {
    Path languageDir = sourceRoot.getParent(); // src/main or src/test
    if (languageDir == null || languageDir.getParent() == null) {
      return Optional.empty();
    }
    Path sibling = languageDir.resolve("eventmodel");
    if (Files.isDirectory(sibling)) {
      return Optional.of(sibling);
    }
    Path main = languageDir.getParent().resolve("main").resolve("eventmodel");
    return Files.isDirectory(main) ? Optional.of(main) : Optional.empty();
  }

  static ModelLocation of(Path modelDir, String value) {
    Path path = value.isEmpty() ? modelDir : modelDir.resolve(value).normalize();
    Path base = modelDir;
    Path normalized = modelDir.toAbsolutePath().normalize();
    if (normalized.endsWith(Path.of("src", "main", "eventmodel"))) {
      base = normalized.getParent().getParent().getParent();
    }
    return new ModelLocation(path.toAbsolutePath().normalize(), base.toAbsolutePath().normalize());
  }

  /** How a model file is named in diagnostics and generated code: relative, with forward slashes. */
  String display(Path file) {
    Path relative = displayBase.relativize(file.toAbsolutePath().normalize());
    return relative.toString().replace('\\', '/');
  }
}
