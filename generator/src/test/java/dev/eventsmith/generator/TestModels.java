package dev.eventsmith.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** The test models and hand-written sources under src/test/resources, read the way the processor reads them. */
final class TestModels {

  static final Path MODELS = Path.of("src/test/resources/models");
  static final Path SOURCES = Path.of("src/test/resources/sources");
  static final String LIBRARY = "library/library.yaml";
  static final String SCHOOL = "school/school.yaml";

  private TestModels() {}

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EventModel library() {
    return load(LIBRARY, read(MODELS.resolve(LIBRARY)));
  }

  static EventModel load(String displayName, String yaml) {
    LoadResult result = ModelLoader.load(List.of(new ModelSource(displayName, yaml)));
    assertTrue(result.model().isPresent(), () -> "model has errors:\n" + result.format());
    return result.model().get();
  }

  /** A hand-written source of the library example, as the compiler sees it. */
  static JavaFileObject librarySource(String simpleName) {
    String qualified = "com.example.library." + simpleName;
    return JavaFileObjects.forSourceString(qualified, read(SOURCES.resolve("library").resolve(simpleName + ".java")));
  }

  /** The 1-based line of the first line of {@code yaml} that contains {@code text}. */
  static int lineOf(String yaml, String text) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + text);
  }

  /** Writes {@code yaml} as the library model into a fresh model directory and returns the directory. */
  static Path modelDir(Path temp, String yaml) {
    try {
      Path file = temp.resolve(LIBRARY);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected to find\n  " + needle + "\nin\n" + haystack);
  }
}
