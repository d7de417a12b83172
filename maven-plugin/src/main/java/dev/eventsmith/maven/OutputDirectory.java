package dev.eventsmith.maven;

import dev.eventsmith.generator.emit.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A source root this plugin owns, brought in line with what was generated: a file whose bytes are
 * already right is left alone (so its time stamp tells the compiler nothing changed), a changed one
 * is rewritten, and a Java file nothing generates any more is deleted.
 */
final class OutputDirectory {

  /** What a sync did. */
  record Changes(int written, int unchanged, int deleted) {
    boolean any() {
      return written + deleted > 0;
    }
  }

  private final Path root;

  OutputDirectory(Path root) {
    this.root = root;
  }

  Changes sync(List<GeneratedSource> sources) throws IOException {
    Set<Path> expected = new HashSet<>();
    int written = 0;
    int unchanged = 0;
    for (GeneratedSource source : sources) {
      Path file = root.resolve(source.qualifiedName().replace('.', '/') + ".java");
      expected.add(file.toAbsolutePath().normalize());
      byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
        unchanged++;
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      written++;
    }
    int deleted = 0;
    if (Files.isDirectory(root)) {
      List<Path> stale;
      try (Stream<Path> files = Files.walk(root)) {
        stale = files.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !expected.contains(f.toAbsolutePath().normalize())).sorted().toList();
      }
      for (Path file : stale) {
        Files.delete(file);
        deleted++;
      }
    }
    return new Changes(written, unchanged, deleted);
  }
}
