package dev.eventsmith.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A content hash of a model's YAML files and of the generator's version: what {@link
 * FingerprintSource} writes, so that the compiler's check of its Java sources notices a changed model.
 */
final class ModelFingerprint {

  private final Path model;
  private final String generator;

  /**
   * @param generator what generates code from the model (name and version), part of the hash:
   *     other Eventsmith, other code
   */
  ModelFingerprint(Path model, String generator) {
    this.model = model;
    this.generator = generator;
  }

  /** SHA-256 over the generator's name, then the names and contents of the model's files, in name order. */
  String current() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(generator.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      for (Path file : files()) {
        digest.update(model.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> files() throws IOException {
    if (!Files.isDirectory(model)) {
      return Files.exists(model) ? List.of(model) : List.of();
    }
    try (Stream<Path> files = Files.list(model)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
