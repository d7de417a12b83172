package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidationTest {

  @TempDir
  Path temp;

  @Test
  void namesFilesRelativeToTheProject() throws IOException {
    Path model = Files.createDirectories(temp.resolve("src/main/eventmodel"));
    Files.writeString(model.resolve("cart.yaml"), String.join("\n",
        "eventmodel: 1",
        "name: Cart",
        "package: com.example.cart",
        "aggregates:",
        "  Cart: { id: cartId }",
        "events:",
        "  CartCreated: { fields: { cartId: uuid } }",
        "commands:",
        "  CreateCart: { aggregate: Cart, fields: { cartId: uuid }, emits: [CartCreatd] }",
        ""));
    LoadResult result = new ModelValidation(model, temp).run();
    assertTrue(result.hasErrors());
    String text = result.format();
    assertTrue(text.contains("src/main/eventmodel/cart.yaml:9:"), text);
    assertTrue(text.contains("error[ESM-0103]"), text);
    assertTrue(text.contains("did you mean 'CartCreated'"), text);
  }
}
