package dev.eventsmith.insight.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsmith.insight.Examples;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shopping cart's diagram page in a real browser: it loads without a console error, shows every
 * command, event and view by name, shows an event's fields when the event is clicked, and draws
 * something (a screenshot of more than a blank page). The screenshot is kept in target/browser.
 */
class DiagramInBrowserTest {

  @TempDir
  Path temp;

  @Test
  void theShoppingCartPageWorksInChromium() throws Exception {
    Path chromium = Chromium.executable();
    EventModel model = Examples.shoppingCart().model();
    Path page = temp.resolve("ShoppingCart.html");
    Files.writeString(page, Diagram.of(model).html(), StandardCharsets.UTF_8);

    try (Chromium browser = Chromium.launch(chromium)) {
      browser.open(page.toUri());

      List<String> names = new ArrayList<>();
      model.commands().forEach(c -> names.add(c.name()));
      model.events().forEach(e -> names.add(e.name()));
      model.views().forEach(v -> names.add(v.name()));
      for (String name : names) {
        JsonNode shown = browser.evaluate("Array.from(document.querySelectorAll('#board svg .card .name'))"
            + ".some(t => t.textContent === " + quote(name) + " && t.getBBox().width > 0"
            + " && getComputedStyle(t).visibility === 'visible' && getComputedStyle(t).display !== 'none')");
        assertTrue(shown.asBoolean(), name + " is not visible on the board");
      }

      JsonNode box = browser.evaluate("(() => { const card = document.querySelector("
          + "'[data-element=\"event:ItemAdded\"]'); card.scrollIntoView({block: 'center', inline: 'center'});"
          + " const r = card.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
      browser.click(box.get("x").asDouble(), box.get("y").asDouble());
      String details = browser.evaluate("document.getElementById('details').innerText").asText();
      assertTrue(details.contains("ItemAdded"), details);
      for (Field field : model.event("ItemAdded").orElseThrow().fields()) {
        assertTrue(details.contains(field.name()) && details.contains(field.type().toString()),
            "the panel lacks field " + field.name() + ": " + details);
      }
      assertTrue(details.contains("adds an item to an open cart"), "the specs that mention it: " + details);

      byte[] png = browser.screenshot();
      Path shot = Path.of("target", "browser", "shopping-cart.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, png);
      assertTrue(distinctColours(png) > 50, "the screenshot is nearly blank: " + shot.toAbsolutePath());

      assertEquals(List.of(), browser.errors(), "console errors");
    }
  }

  private static int distinctColours(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

}
