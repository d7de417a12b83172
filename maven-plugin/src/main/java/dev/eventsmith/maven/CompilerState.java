package dev.eventsmith.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The maven-compiler-plugin's memory of what it compiled last. Forgetting the list of inputs makes
 * its next run recompile the module (and delete what the last run created), which reruns the
 * annotation processor on the changed model.
 */
final class CompilerState {

  private final Path statusDir;

  CompilerState(Path buildDir) {
    this.statusDir = buildDir.resolve("maven-status").resolve("maven-compiler-plugin");
  }

  /** Forgets the compiled inputs of every compiler execution; returns how many it forgot. */
  int forgetInputs() {
    if (!Files.isDirectory(statusDir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(statusDir)) {
      List<Path> inputs = files.filter(f -> f.getFileName().toString().equals("inputFiles.lst")).toList();
      for (Path input : inputs) {
        Files.delete(input);
      }
      return inputs.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
