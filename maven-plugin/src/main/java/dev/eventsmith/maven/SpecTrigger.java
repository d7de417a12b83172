package dev.eventsmith.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Whether the test sources ask for the model's spec tests: some file mentions {@code @EventModelSpecs}. */
final class SpecTrigger {

  private final Path testSources;

  SpecTrigger(Path testSources) {
    this.testSources = testSources;
  }

  boolean present() {
    if (!Files.isDirectory(testSources)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(testSources)) {
      return files.filter(f -> f.toString().endsWith(".java")).anyMatch(SpecTrigger::mentionsTrigger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean mentionsTrigger(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains("@EventModelSpecs");
    } catch (IOException e) {
      return false; // an unreadable file cannot be the trigger we look for
    }
  }
}
