package dev.eventsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A temporary directory for one trial's database files, deleted with everything in it on close. */
public final class ScratchDirectory implements AutoCloseable {

  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  public static ScratchDirectory create() throws IOException {
    return new ScratchDirectory(Files.createTempDirectory("eventsmith-bench"));
  }

  /** {@code name} inside the directory. */
  public Path resolve(String name) {
    return path.resolve(name);
  }

  @Override
  public void close() throws IOException {
    try (var files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
