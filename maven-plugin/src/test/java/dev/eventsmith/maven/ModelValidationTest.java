package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    List<LoadResult> results = new ModelValidation(model, temp).run();
    assertEquals(1, results.size());
    LoadResult result = results.get(0);
    assertTrue(result.hasErrors());
    String text = result.format();
    assertTrue(text.contains("src/main/eventmodel/cart.yaml:9:"), text);
    assertTrue(text.contains("error[ESM-0103]"), text);
    assertTrue(text.contains("did you mean 'CartCreated'"), text);
  }

  private static String model(String name, String pkg) {
    return String.join("\n",
        "eventmodel: 1",
        "name: " + name,
        "package: " + pkg,
        "aggregates:",
        "  Thing: { id: thingId }",
        "events:",
        "  ThingMade: { fields: { thingId: uuid } }",
        "commands:",
        "  MakeThing: { aggregate: Thing, fields: { thingId: uuid }, emits: [ThingMade] }",
        "");
  }

  @Test
  void aFolderWithTwoPackagesHoldsTwoModels() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("src/main/eventmodel"));
    Files.writeString(folder.resolve("bank.yaml"), model("Bank", "com.acme.bank"));
    Files.writeString(folder.resolve("other.yaml"), model("Other", "com.acme.other"));
    List<LoadResult> results = new ModelValidation(folder, temp).run();
    assertEquals(2, results.size());
    assertTrue(results.stream().allMatch(r -> r.model().isPresent() && !r.hasErrors()),
        () -> results.stream().map(LoadResult::format).toList().toString());

    Files.writeString(folder.resolve("stray.yaml"), "eventmodel: 1\nevents:\n  Lost: { fields: { id: uuid } }\n");
    String all = new ModelValidation(folder, temp).run().stream().map(LoadResult::format).toList().toString();
    assertTrue(all.contains("src/main/eventmodel/stray.yaml:1:1: error[ESM-0112]"), all);
    assertTrue(all.contains("com.acme.bank, com.acme.other"), all);
  }

  @Test
  void aModelSplitOverFilesStaysOneModel() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("model"));
    Files.writeString(folder.resolve("a.yaml"), model("Bank", "com.acme.bank"));
    Files.writeString(folder.resolve("b.yaml"), "eventmodel: 1\nevents:\n  ThingMoved: { fields: { thingId: uuid } }\n");
    List<LoadResult> results = new ModelValidation(folder, temp).run();
    assertEquals(1, results.size());
    assertEquals(2, results.get(0).model().orElseThrow().events().size(), results.get(0).format());
  }
}
