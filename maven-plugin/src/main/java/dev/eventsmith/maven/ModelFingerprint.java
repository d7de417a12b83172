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
 * A content hash of a model's YAML files, remembered between builds. The Java compiler's
 * incremental check only looks at Java sources, so without this a changed model would leave the
 * generated code stale until {@code mvn clean}.
 */
final class ModelFingerprint {

  private final Path model;
  private final Path stamp;
  private final String generator;

  /**
   * @param generator what generates code from the model (name and version), part of the hash:
   *     other Eventsmith, other code
   */
  ModelFingerprint(Path model, Path stamp, String generator) {
    this.model = model;
    this.stamp = stamp;
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

  /** Whether the model differs from the one remembered by the last {@link #remember} (or none was). */
  boolean changedSince() {
    try {
      return !Files.exists(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(current());
    } catch (IOException e) {
      return true;
    }
  }

  void remember() {
    try {
      Files.createDirectories(stamp.toAbsolutePath().getParent());
      Files.writeString(stamp, current(), StandardCharsets.UTF_8);
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
