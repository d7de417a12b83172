package dev.eventsmith.mcp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.mcp.guide.Guides;
import dev.eventsmith.mcp.project.Project;
import dev.eventsmith.mcp.tool.Calls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model tools on a copy of the shopping-cart example's model. */
class ModelToolsTest {

  private static final Path EXAMPLE_MODEL = Path.of("../examples/shopping-cart/src/main/eventmodel/cart.yaml");

  @TempDir
  Path root;

  private Path model;
  private Calls calls;

  @BeforeEach
  void project() throws Exception {
    model = Files.createDirectories(root.resolve("src/main/eventmodel")).resolve("cart.yaml");
    Files.copy(EXAMPLE_MODEL, model);
    calls = new Calls(new ModelTools(Project.open(root, "src/main/eventmodel"), Guides.bundled()).tools());
  }

  @Test
  void validateAnswersEachDiagnosticWithItsPlaceHintAndPage() throws Exception {
    assertEquals(true, calls.ok("validate_model", Map.of()).get("valid"));
    Files.writeString(model, Files.readString(model).replace("emits: [ItemAdded]", "emits: [ItemAded]"));
    Map<String, Object> result = calls.ok("validate_model", Map.of());
    assertEquals(false, result.get("valid"));
    Map<?, ?> first = (Map<?, ?>) ((List<?>) result.get("diagnostics")).get(0);
    assertEquals("ESM-0103", first.get("code"));
    assertEquals("src/main/eventmodel/cart.yaml", first.get("file"));
    assertEquals(42, first.get("line"));
    assertEquals(13, first.get("column"));
    assertTrue(first.get("message").toString().contains("did you mean 'ItemAdded'?"), first.toString());
    assertTrue(first.containsKey("hint"));
    assertEquals("eventsmith://errors/ESM-0103", first.get("page"));
    assertEquals("ESM-0904", calls.error("list_slices", Map.of()).get("code"));
  }

  @Test
  void explainGivesTheCodesPage() {
    Map<String, Object> page = calls.ok("explain_code", Map.of("code", "esm-0103"));
    assertEquals("Command emits an unknown event", page.get("title"));
    assertTrue(page.get("page").toString().contains("## Fix"));
    assertEquals("there is no diagnostic code ESM-0193 (did you mean 'ESM-0103'?)",
        calls.error("explain_code", Map.of("code", "ESM-0193")).get("message"));
  }

  @Test
  void slicesComeWithFieldsEmittedEventsRejectionsAndSpecsPageByPage() {
    Map<String, Object> first = calls.ok("list_slices", Map.of("limit", 2));
    assertEquals(8, first.get("total"));
    assertEquals(2, first.get("nextOffset"));
    Map<?, ?> addItem = (Map<?, ?>) ((List<?>) first.get("slices")).get(1);
    assertEquals("AddItem", addItem.get("name"));
    assertEquals("Cart", addItem.get("aggregate"));
    assertEquals("{name=quantity, type=int, min=1}", ((List<?>) addItem.get("fields")).get(3).toString());
    assertTrue(addItem.get("emits").toString().contains("event=ItemAdded"), addItem.toString());
    assertEquals(3, ((List<?>) addItem.get("rejects")).size());
    Map<?, ?> spec = (Map<?, ?>) ((List<?>) addItem.get("specs")).get(0);
    assertEquals("com.example.cart.AddItemSpecTest#addsAnItemToAnOpenCart", spec.get("test"));
    Map<String, Object> last = calls.ok("list_slices", Map.of("offset", 6, "limit", 5));
    assertEquals(List.of("CartSummary", "RequestPaymentOnSubmit"),
        ((List<?>) last.get("slices")).stream().map(s -> ((Map<?, ?>) s).get("name")).toList());
    assertEquals(null, last.get("nextOffset"));
  }

  @Test
  void anElementWithItsYamlItsUsesAndTheSpecsThatMentionIt() {
    Map<String, Object> sku = calls.ok("show_element", Map.of("name", "Sku"));
    assertEquals("type", sku.get("kind"));
    assertEquals("src/main/eventmodel/cart.yaml:7:3", sku.get("declaredAt"));
    assertTrue(sku.get("yaml").toString().startsWith("  Sku:"), sku.toString());
    assertTrue(((List<?>) sku.get("usedBy")).contains("type of field sku of command AddItem"), sku.toString());
    List<?> specs = (List<?>) sku.get("mentionedBySpecs");
    assertTrue(specs.stream().anyMatch(s -> ((Map<?, ?>) s).get("name").equals("adds an item to an open cart")));
    assertTrue(specs.stream().noneMatch(s -> ((Map<?, ?>) s).get("name").equals("creates a cart for a customer")));

    Map<String, Object> submitted = calls.ok("show_element", Map.of("name", "CartSubmitted"));
    assertTrue(((List<?>) submitted.get("usedBy")).containsAll(List.of("emitted by command SubmitCart",
        "projected into view CartSummary", "triggers automation RequestPaymentOnSubmit")), submitted.toString());
    assertEquals("rejection", calls.ok("show_element", Map.of("name", "TooManyItems")).get("kind"));
    assertEquals("the model ShoppingCart has no element named 'AddItems' (did you mean 'AddItem'?)",
        calls.error("show_element", Map.of("name", "AddItems")).get("message"));
  }

  @Test
  void theContractToWriteAsTheGeneratorEmitsIt() {
    Map<?, ?> decider = (Map<?, ?>) ((List<?>) calls.ok("show_contract", Map.of("name", "AddItem"))
        .get("contracts")).get(0);
    assertEquals("com.example.cart.CartDecider", decider.get("contract"));
    assertEquals("public interface CartDecider<S> extends Decider<S, CartCommand, CartEvent>", decider.get("declaration"));
    assertEquals(List.of("Decision<AddItem.Emits, AddItem.Rejects> decide(AddItem command, S state)"),
        ((List<?>) decider.get("methodsToWrite")).stream().map(m -> ((Map<?, ?>) m).get("signature")).toList());
    assertTrue(decider.get("howToImplement").toString().contains("implements CartDecider<Cart.State>"));
    assertTrue(decider.get("source").toString().contains("S evolve(S state, ItemAdded event);"));

    List<?> forEvent = (List<?>) calls.ok("show_contract", Map.of("name", "ItemAdded")).get("contracts");
    assertEquals(List.of("com.example.cart.CartDecider", "com.example.cart.CartSummaryProjector"),
        forEvent.stream().map(c -> ((Map<?, ?>) c).get("contract")).toList());
    assertEquals("CartSummary project(CartSummary view, ItemAdded event)", ((Map<?, ?>) ((List<?>) ((Map<?, ?>)
        forEvent.get(1)).get("methodsToWrite")).get(0)).get("signature"));
    Map<?, ?> view = (Map<?, ?>) ((List<?>) calls.ok("show_contract", Map.of("name", "CartSummary"))
        .get("contracts")).get(0);
    assertEquals(6, ((List<?>) view.get("methodsToWrite")).size());
    assertEquals("ESM-0903", calls.error("show_contract", Map.of("name", "Money")).get("code"));
  }

  @Test
  void aPathOutsideTheProjectIsNotValidated() {
    assertEquals("ESM-0902", calls.error("validate_model", Map.of("path", "../../etc")).get("code"));
  }
}
