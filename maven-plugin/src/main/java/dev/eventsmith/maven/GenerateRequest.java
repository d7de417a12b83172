package dev.eventsmith.maven;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the {@code generate} and {@code generate-test} goals ask of {@link Generation}.
 *
 * @param model the model file or folder
 * @param baseDir the project folder: diagnostics and generated javadoc name files relative to it
 * @param outputDir the source root this plugin owns; files it no longer generates are deleted
 * @param compiledClasses for the spec tests: where the compiled hand-written classes are; empty
 *     for the model's main code
 */
record GenerateRequest(Path model, Path baseDir, Path outputDir, Optional<Path> compiledClasses) {

  boolean tests() {
    return compiledClasses.isPresent();
  }
}
