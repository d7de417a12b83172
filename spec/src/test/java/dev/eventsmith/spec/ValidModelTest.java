package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidModelTest {
  private static final String FILE = "cart/cart.yaml";

  private static LoadResult load() {
    return ModelLoader.load(Path.of("src/test/resources/models/cart"));
  }

  private static EventModel model() {
    LoadResult result = load();
    assertFalse(result.hasErrors(), result::format);
    return result.model().orElseThrow();
  }

  @Test
  void loadsWithoutErrorsAndOnlyTheExpectedWarnings() {
    LoadResult result = load();
    assertEquals(List.of(), result.errors(), result::format);
    // items, total and tags are computed by the projector; the model says so only as warnings.
    assertEquals(List.of(DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE, DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE,
            DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE),
        result.diagnostics().stream().map(d -> d.code()).toList(), result::format);
  }

  @Test
  void readsHeaderAndFiles() {
    EventModel model = model();
    assertEquals("ShoppingCart", model.name());
    assertEquals("com.example.cart", model.packageName());
    assertEquals(List.of(FILE), model.sourceFiles());
    assertEquals(new SourcePosition(FILE, 2, 7), model.position());
  }

  @Test
  void readsValueTypes() {
    EventModel model = model();
    ValueType.Wrapper sku = (ValueType.Wrapper) model.type("Sku").orElseThrow();
    assertEquals(BuiltinType.STRING, sku.base());
    assertEquals(Optional.of("[A-Z0-9-]{3,20}"), sku.constraints().pattern());
    assertEquals(Optional.of(20), sku.constraints().maxLength());
    ValueType.Wrapper money = (ValueType.Wrapper) model.type("Money").orElseThrow();
    assertEquals(Optional.of(BigDecimal.ZERO), money.constraints().min());
    assertEquals(Optional.of(2), money.constraints().scale());
    assertEquals(List.of("OPEN", "SUBMITTED"), ((ValueType.Enumeration) model.type("Status").orElseThrow()).constants());
    assertEquals(new SourcePosition(FILE, 7, 3), model.type("Status").orElseThrow().position());
  }

  @Test
  void readsEventsWithVersionsUpcastsAndInferredAggregates() {
    EventModel model = model();
    EventDef created = model.event("CartCreated").orElseThrow();
    assertEquals("Cart", created.aggregate(), "inferred: the only aggregate, and emitted by no command");
    assertEquals(1, created.version());
    assertEquals("CartCreated", created.storedName());
    assertEquals(new SourcePosition(FILE, 11, 3), created.position());
    EventDef submitted = model.event("CartSubmitted").orElseThrow();
    assertEquals("Cart", submitted.aggregate(), "inferred from SubmitCart");
    assertEquals(new TypeRef.OptionalOf(new TypeRef.Builtin(BuiltinType.STRING)), submitted.fields().get(3).type());
    EventDef added = model.event("ItemAdded").orElseThrow();
    assertEquals(2, added.version());
    assertEquals(List.of("cartId", "sku", "price", "quantity"), added.fields().stream().map(f -> f.name()).toList());
    assertEquals(new TypeRef.Named("Sku"), added.fields().get(1).type());
    assertEquals(Optional.of(BigDecimal.ONE), added.fields().get(3).constraints().min());
    assertEquals(new SourcePosition(FILE, 17, 53), added.fields().get(3).position());
    assertEquals(1, added.upcasts().get(0).from());
    assertEquals("quantity", added.upcasts().get(0).rename().get("qty"));
    assertEquals(List.of("legacy"), added.upcasts().get(0).drop());
  }

  @Test
  void readsCommandsWithRejectionsInBothForms() {
    EventModel model = model();
    CommandDef add = model.command("AddItem").orElseThrow();
    assertEquals("Cart", add.aggregate());
    assertEquals("ItemAdded", add.emits().get(0).name());
    assertEquals(new SourcePosition(FILE, 25, 13), add.emits().get(0).position());
    assertEquals(List.of("CartAlreadySubmitted", "TooManyItems"), add.rejects().stream().map(r -> r.name()).toList());
    assertEquals("max", add.rejects().get(1).fields().get(0).name());
    CommandDef submit = model.command("SubmitCart").orElseThrow();
    assertEquals("CartAlreadySubmitted", submit.rejects().get(0).name());
    assertTrue(submit.rejects().get(0).fields().isEmpty());
  }

  @Test
  void readsViewsAndAutomations() {
    EventModel model = model();
    assertEquals("cartId", model.view("CartSummary").orElseThrow().key());
    assertEquals(new TypeRef.ListOf(new TypeRef.Builtin(BuiltinType.STRING)),
        model.view("CartSummary").orElseThrow().fields().get(3).type());
    assertEquals("ItemAdded", model.automation("SubmitWhenFull").orElseThrow().on().name());
    assertEquals("SubmitCart", model.automation("SubmitWhenFull").orElseThrow().issues().get(0).name());
  }

  @Test
  void readsSpecsOfEveryKind() {
    EventModel model = model();
    List<SpecDef> addItem = model.specsOf("AddItem");
    assertEquals(3, addItem.size());
    SpecDef first = addItem.get(0);
    assertEquals(SpecDef.SubjectKind.COMMAND, first.kind());
    assertEquals("adds an item to an open cart", first.name());
    assertEquals(new SpecValue.Symbol("cart", new SourcePosition(FILE, 42, 41)), first.given().get(0).values().get("cartId"));
    assertEquals("AddItem", first.when().orElseThrow().type());
    SpecDef.ThenEvents then = assertInstanceOf(SpecDef.ThenEvents.class, first.then());
    assertEquals("ItemAdded", then.events().get(0).type());
    assertEquals(List.of("cartId", "sku", "price", "quantity"), List.copyOf(then.events().get(0).values().keySet()));

    SpecDef.ThenRejected rejected = assertInstanceOf(SpecDef.ThenRejected.class, addItem.get(1).then());
    assertEquals("CartAlreadySubmitted", rejected.rejection().type());
    assertTrue(rejected.rejection().values().isEmpty());
    SpecDef.ThenRejected withFields = assertInstanceOf(SpecDef.ThenRejected.class, addItem.get(2).then());
    assertEquals(new SpecValue.Scalar("3", new SourcePosition(FILE, 54, 49)), withFields.rejection().values().get("max"));

    SpecDef view = model.specsOf("CartSummary").get(0);
    assertEquals(SpecDef.SubjectKind.VIEW, view.kind());
    assertTrue(view.when().isEmpty());
    SpecDef.ThenView row = assertInstanceOf(SpecDef.ThenView.class, view.then());
    SpecValue.ListValue tags = (SpecValue.ListValue) row.view().values().get("tags");
    assertEquals(new SpecValue.Scalar("$b", tags.elements().get(1).position()), tags.elements().get(1), "$$ escapes a dollar");

    SpecDef automation = model.specsOf("SubmitWhenFull").get(0);
    assertEquals(SpecDef.SubjectKind.AUTOMATION, automation.kind());
    assertEquals("SubmitCart", assertInstanceOf(SpecDef.ThenCommands.class, automation.then()).commands().get(0).type());
  }

  @Test
  void nullIsAnAbsentValue() {
    EventModel model = model();
    SpecDef.ThenEvents then = (SpecDef.ThenEvents) model.specsOf("SubmitCart").get(0).then();
    assertInstanceOf(SpecValue.Null.class, then.events().get(0).values().get("note"));
  }
}
