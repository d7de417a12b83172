package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The full example of docs/model-format.md is a model that loads without errors. */
class FormatDocTest {
  @Test
  void fullExampleLoads() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "model-format.md"));
    int marker = doc.indexOf("<!-- full-example");
    assertTrue(marker >= 0, "the full example is marked");
    int start = doc.indexOf("```yaml\n", marker) + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));
    LoadResult result = ModelLoader.load(List.of(new ModelSource("example.yaml", yaml)));
    assertEquals(List.of(), result.errors(), result::format);
    assertTrue(result.model().orElseThrow().events().size() >= 3);
  }
}
