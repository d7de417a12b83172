package dev.eventsmith.insight;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's examples, each with its model folder, read as the build reads them. */
public record Examples(String name, Path folder) {

  public static final Path ROOT = Path.of("..", "examples");

  /** Every example that has a model, by folder name. */
  public static List<Examples> all() {
    try (Stream<Path> folders = Files.list(ROOT)) {
      return folders.filter(f -> Files.isDirectory(f.resolve("src/main/eventmodel"))).sorted()
          .map(f -> new Examples(f.getFileName().toString(), f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Examples shoppingCart() {
    return new Examples("shopping-cart", ROOT.resolve("shopping-cart"));
  }

  public EventModel model() {
    LoadResult result = ModelLoader.load(folder.resolve("src/main/eventmodel"), folder);
    assertTrue(result.model().isPresent(), result::format);
    return result.model().get();
  }
}
