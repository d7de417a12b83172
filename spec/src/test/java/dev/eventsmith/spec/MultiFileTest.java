package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiFileTest {
  private static final String HEADER = "eventmodel: 1\nname: Shop\npackage: com.example.shop\n";
  private static final String CART = HEADER + """
      aggregates:
        Cart: { id: cartId }
      events:
        CartCreated: { fields: { cartId: uuid } }
      """;
  private static final String ITEMS = """
      eventmodel: 1
      events:
        ItemAdded: { fields: { cartId: uuid, quantity: int } }
      commands:
        AddItem: { aggregate: Cart, fields: { cartId: uuid, quantity: int }, emits: [ItemAdded] }
      specs:
        AddItem:
          - name: adds
            given: [ { CartCreated: { cartId: $c } } ]
            when: { AddItem: { cartId: $c, quantity: 1 } }
            then: [ { ItemAdded: { cartId: $c, quantity: 1 } } ]
      """;

  @Test
  void sectionsMergeAcrossFilesAndHeaderNeedsGivingOnce() {
    LoadResult result = ModelLoader.load(List.of(new ModelSource("cart.yaml", CART), new ModelSource("items.yaml", ITEMS)));
    assertEquals("", result.format());
    EventModel model = result.model().orElseThrow();
    assertEquals(List.of("CartCreated", "ItemAdded"), model.events().stream().map(e -> e.name()).toList());
    assertEquals("Cart", model.event("ItemAdded").orElseThrow().aggregate(), "aggregates of another file are visible");
    assertEquals(new SourcePosition("items.yaml", 3, 3), model.event("ItemAdded").orElseThrow().position());
    assertEquals(List.of("cart.yaml", "items.yaml"), model.sourceFiles());
  }

  @Test
  void esm0101DuplicateAcrossFilesPointsAtTheSecondAndNamesTheFirst() {
    String again = "eventmodel: 1\nevents:\n  CartCreated: { fields: { cartId: uuid } }\n";
    LoadResult result = ModelLoader.load(List.of(new ModelSource("cart.yaml", CART), new ModelSource("more.yaml", again)));
    Diagnostic d = result.errors().get(0);
    assertEquals(DiagnosticCode.DUPLICATE_NAME, d.code());
    assertEquals(new SourcePosition("more.yaml", 3, 3), d.position());
    assertTrue(d.message().contains("event 'CartCreated' is defined twice") && d.message().contains("cart.yaml:7:3"), d.message());
  }

  @Test
  void esm0112FilesDisagreeOnTheName() {
    String other = "eventmodel: 1\nname: Store\n";
    LoadResult result = ModelLoader.load(List.of(new ModelSource("cart.yaml", CART), new ModelSource("other.yaml", other)));
    Diagnostic d = result.errors().get(0);
    assertEquals(DiagnosticCode.CONFLICTING_HEADER, d.code());
    assertEquals(new SourcePosition("other.yaml", 2, 7), d.position());
    assertTrue(d.message().contains("'Store'") && d.message().contains("'Shop' at cart.yaml:2:7"), d.message());
  }

  @Test
  void everyFileNeedsTheFormatVersion() {
    LoadResult result = ModelLoader.load(List.of(new ModelSource("cart.yaml", CART), new ModelSource("x.yaml", "events: {}\n")));
    Diagnostic d = result.errors().get(0);
    assertEquals(DiagnosticCode.MISSING_KEY, d.code());
    assertEquals(new SourcePosition("x.yaml", 1, 1), d.position());
    assertTrue(d.message().contains("'eventmodel'"), d.message());
  }

  @Test
  void missingNameIsReportedOnce() {
    LoadResult result = ModelLoader.load(List.of(new ModelSource("a.yaml", "eventmodel: 1\npackage: a.b\n")));
    assertEquals(1, result.errors().size(), result::format);
    assertTrue(result.errors().get(0).message().contains("no 'name'"));
  }

  @Test
  void directoryIsReadInNameOrderWithRelativeNames(@TempDir Path dir) throws IOException {
    Path model = Files.createDirectory(dir.resolve("eventmodel"));
    Files.writeString(model.resolve("b-items.yml"), ITEMS);
    Files.writeString(model.resolve("a-cart.yaml"), CART);
    Files.writeString(model.resolve("notes.txt"), "not: [a model");
    LoadResult result = ModelLoader.load(model);
    assertEquals("", result.format());
    assertEquals(List.of("eventmodel/a-cart.yaml", "eventmodel/b-items.yml"), result.model().orElseThrow().sourceFiles());
  }

  @Test
  void emptyDirectoryAndBadEncodingAreDiagnostics(@TempDir Path dir) throws IOException {
    assertEquals(DiagnosticCode.UNREADABLE_SOURCE, ModelLoader.load(dir).errors().get(0).code());
    Path file = dir.resolve("bad.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
    Diagnostic d = ModelLoader.load(file).errors().get(0);
    assertEquals(DiagnosticCode.UNREADABLE_SOURCE, d.code());
    assertEquals("bad.yaml:1:1", d.position().toString());
  }
}
