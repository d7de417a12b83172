package dev.eventsmith.spec;

import static dev.eventsmith.spec.ModelText.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-row views, keys taken from other fields or lists, and view specs over several rows. */
class ViewRowsTest {

  private static final String TAGS =
      "  ItemTagged: { aggregate: Cart, fields: { cartId: uuid, labels: list<string>, note: string } }";
  private static final String BY_TAG = String.join("\n",
      "  ByTag:",
      "    key: tag",
      "    keyFrom: { ItemTagged: labels }",
      "    fields: { tag: string, carts: { type: int, computed: true } }",
      "    from: [ItemTagged]",
      "  Count:",
      "    fields: { items: { type: int, computed: true } }",
      "    from: [ItemAdded]");

  private static ModelText model() {
    return base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", TAGS)
        .after("    from: [ItemAdded]", BY_TAG);
  }

  /** Specs written at the left margin, moved under 'specs:'. */
  private static String indented(String block) {
    return String.join("\n", block.lines().map(line -> "  " + line).toList());
  }

  private static EventModel load(ModelText text) {
    LoadResult result = text.load();
    assertEquals("", result.format());
    return result.model().orElseThrow();
  }

  @Test
  void aViewWithoutKeyHasOneRowAndKeyFromNamesTheEventsField() {
    EventModel model = load(model());
    ViewDef count = model.view("Count").orElseThrow();
    ViewDef byTag = model.view("ByTag").orElseThrow();
    assertTrue(count.singleRow());
    assertFalse(byTag.singleRow());
    assertEquals("labels", byTag.keyFieldOf("ItemTagged"));
    assertEquals("tag", byTag.keyFieldOf("Other"));
  }

  @Test
  void aListOfRowsMeansExactlyThoseAndIncludesMeansAmongOthers() {
    EventModel model = load(model().after("specs:", indented("""
          ByTag:
            - name: exactly
              given: [ { ItemTagged: { cartId: $c, labels: [a, b], note: x } } ]
              then: [ { ByTag: { tag: a, carts: 1 } }, { ByTag: { tag: b, carts: 1 } } ]
            - name: none
              then: []
            - name: among others
              given: [ { ItemTagged: { cartId: $c, labels: [a, b], note: x } } ]
              then: { includes: [ { ByTag: { tag: b, carts: 1 } } ] }
          Count:
            - name: one row
              given: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]
              then: { Count: { items: 1 } }""")));
    List<SpecDef> specs = model.specsOf("ByTag");
    SpecDef.ThenRows exactly = (SpecDef.ThenRows) specs.get(0).then();
    assertTrue(exactly.exactly());
    assertEquals(2, exactly.rows().size());
    assertEquals(List.of(), ((SpecDef.ThenRows) specs.get(1).then()).rows());
    assertFalse(((SpecDef.ThenRows) specs.get(2).then()).exactly());
    assertTrue(model.specsOf("Count").get(0).then() instanceof SpecDef.ThenView);
  }

  @Test
  void esm0601KeyFromNamesAFieldTheEventLacks() {
    model().replace("keyFrom: { ItemTagged: labels }", "keyFrom: { ItemTagged: §label }")
        .expect(DiagnosticCode.VIEW_KEY_SOURCE, "'label'", "'ItemTagged'", "did you mean 'labels'?");
  }

  @Test
  void esm0601KeyFromNamesAFieldOfAnotherType() {
    model().replace("keyFrom: { ItemTagged: labels }", "keyFrom: { ItemTagged: §cartId }")
        .expect(DiagnosticCode.VIEW_KEY_SOURCE, "keyed by a string", "'cartId'", "is a uuid");
  }

  @Test
  void esm0601KeyFromNamesAnEventNotInFrom() {
    model().replace("keyFrom: { ItemTagged: labels }", "keyFrom: { ItemTagged: labels, ItemAdded: §sku }")
        .expect(DiagnosticCode.VIEW_KEY_SOURCE, "'ItemAdded'", "not in its 'from'");
  }

  @Test
  void esm0601ASingleRowViewTakesNoKeyFromEvents() {
    model().replace("    fields: { items: { type: int, computed: true } }",
            "    keyFrom: { ItemAdded: §sku }\n    fields: { items: { type: int, computed: true } }")
        .expect(DiagnosticCode.VIEW_KEY_SOURCE, "single-row view");
  }

  @Test
  void esm0310AListOfRowsOfAnotherView() {
    model().after("specs:", indented("""
          ByTag:
            - name: wrong view
              then: [ { §Count: { items: 1 } } ]"""))
        .expect(DiagnosticCode.THEN_SHAPE, "expects a row of 'Count'");
  }

  @Test
  void esm0602TwoExpectedRowsWithOneKey() {
    model().after("specs:", indented("""
          ByTag:
            - name: twice
              then: [ { ByTag: { tag: a, carts: 1 } }, { §ByTag: { tag: a, carts: 2 } } ]"""))
        .expect(DiagnosticCode.DUPLICATE_EXPECTED_ROW, "spec 'twice'", "the key a", "shop.yaml:");
  }

  @Test
  void esm0602TwoRowsOfASingleRowView() {
    model().after("specs:", indented("""
          Count:
            - name: twice
              then: { includes: [ { Count: { items: 1 } }, { §Count: { items: 2 } } ] }"""))
        .expect(DiagnosticCode.DUPLICATE_EXPECTED_ROW, "single-row view");
  }

  @Test
  void lookupsNameFieldsOfTheView() {
    EventModel model = load(model().replace("    key: tag\n", "    key: tag\n    lookups: [carts, tag]\n"));
    assertEquals(List.of("carts", "tag"),
        model.view("ByTag").orElseThrow().lookups().stream().map(r -> r.name()).toList());
  }

  @Test
  void esm0603ALookupOfAnUnknownField() {
    model().replace("    key: tag\n", "    key: tag\n    lookups: [§tags]\n")
        .expect(DiagnosticCode.LOOKUP_NOT_POSSIBLE, "'tags'", "not one of its fields", "did you mean 'tag'?");
  }

  @Test
  void esm0603ALookupListedTwice() {
    model().replace("    key: tag\n", "    key: tag\n    lookups: [tag, §tag]\n")
        .expect(DiagnosticCode.LOOKUP_NOT_POSSIBLE, "twice");
  }

  @Test
  void esm0603ALookupOfAFieldWithoutAScalarValue() {
    model().replace("    key: tag\n    keyFrom: { ItemTagged: labels }\n    fields: { tag: string,",
            "    key: tag\n    keyFrom: { ItemTagged: labels }\n    lookups: [§grid]\n    fields: { grid: "
                + "{ type: list<list<int>>, computed: true }, tag: string,")
        .expect(DiagnosticCode.LOOKUP_NOT_POSSIBLE, "cannot be looked up by 'grid'");
  }

  @Test
  void esm0310IncludesIsForViewsOnly() {
    base().replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "then: §{ includes: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ] }")
        .expect(DiagnosticCode.THEN_SHAPE, "'then' of spec 'adds'");
  }
}
