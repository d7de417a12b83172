package dev.eventsmith.insight.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.insight.Examples;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagramTest {

  @Test
  void writesThePageForALook() throws IOException {
    EventModel model = Examples.shoppingCart().model();
    Path out = Path.of("target/diagram");
    Files.createDirectories(out);
    Files.writeString(out.resolve("shopping-cart.html"), Diagram.of(model).html(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("shopping-cart.svg"), Diagram.of(model).svg(), StandardCharsets.UTF_8);
  }
}
