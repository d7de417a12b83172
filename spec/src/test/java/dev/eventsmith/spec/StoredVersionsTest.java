package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Older versions' fields declared in the model, specs that give events at them, and the upcast chain. */
class StoredVersionsTest {

  private static final String ITEM_ADDED = "  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }";
  private static final String VERSIONED = String.join("\n",
      "  ItemAdded:",
      "    version: 3",
      "    fields: { cartId: uuid, sku: Sku, quantity: long, note: \"string?\" }",
      "    versions:",
      "      1: { fields: { cartId: uuid, code: string, legacy: boolean } }",
      "      2: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
      "    upcast:",
      "      - { from: 1, rename: { code: sku }, drop: [ legacy ], set: { quantity: 1 } }");

  private static ModelText model() {
    return ModelText.base().replace(ITEM_ADDED + "\n", VERSIONED + "\n")
        .replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]\n"
                + "    - name: from old loans\n"
                + "      given: [ { ItemAdded@1: { cartId: $c, code: ABC, legacy: true } },"
                + " { ItemAdded@2: { cartId: $c, sku: ABC, quantity: 2 } }, { ItemAdded@3: { cartId: $c, sku: ABC,"
                + " quantity: 2 } } ]\n"
                + "      when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }\n"
                + "      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]");
  }

  @Test
  void olderVersionsAndGivenEventsAtThemAreRead() {
    LoadResult result = model().load();
    assertEquals("", result.format());
    EventModel model = result.model().orElseThrow();
    EventDef event = model.event("ItemAdded").orElseThrow();
    assertEquals(List.of(1, 2), event.storedVersions().stream().map(v -> v.version()).toList());
    assertEquals(List.of("cartId", "code", "legacy"),
        event.fieldsAt(1).orElseThrow().stream().map(f -> f.name()).toList());
    assertEquals(event.fields(), event.fieldsAt(3).orElseThrow());
    assertTrue(event.fieldsAt(4).isEmpty());
    List<Message> given = model.specs().get(1).given();
    assertEquals(List.of(1, 2, 3), given.stream().map(Message::storedVersion).toList());
    assertEquals("ItemAdded", given.get(0).type());
    assertFalse(model.specs().get(0).given().get(0).hasStoredVersion());
  }

  @Test
  void esm0604AVersionThatIsNotOlder() {
    model().replace("      2: { fields:", "      §3: { fields:")
        .expect(DiagnosticCode.INVALID_STORED_VERSION, "version '3'", "1 to 2");
  }

  @Test
  void esm0604AVersionThatIsNoNumber() {
    model().replace("      2: { fields:", "      §two: { fields:")
        .expect(DiagnosticCode.INVALID_STORED_VERSION, "'two'");
  }

  @Test
  void esm0604AGapInTheDeclaredVersions() {
    model().replace("      1: { fields: { cartId: uuid, code: string, legacy: boolean } }\n      2:", "      §1:")
        .replace("ItemAdded@1: { cartId: $c, code: ABC, legacy: true }", "ItemAdded@1: { cartId: $c, sku: ABC, quantity: 1 }")
        .replace("    version: 3", "    version: 4")
        .replace("ItemAdded@3:", "ItemAdded@4:")
        .expect(DiagnosticCode.INVALID_STORED_VERSION, "not those of version 2");
  }

  @Test
  void esm0605AStoredVersionOutsideGiven() {
    model().replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]\n    - name",
            "then: [ { §ItemAdded@2: { cartId: $c, sku: ABC, quantity: 1 } } ]\n    - name")
        .expect(DiagnosticCode.MISPLACED_STORED_VERSION, "only a given event");
  }

  @Test
  void esm0605AVersionThatIsNoNumberInAGivenEvent() {
    model().replace("{ ItemAdded@2: {", "{ §ItemAdded@two: {")
        .expect(DiagnosticCode.MISPLACED_STORED_VERSION, "'ItemAdded@two'", "version number");
  }

  @Test
  void esm0606AGivenEventAtAnUndeclaredVersion() {
    model().replace("{ ItemAdded@2: {", "{ §ItemAdded@5: {")
        .expect(DiagnosticCode.UNDECLARED_STORED_VERSION, "at version 5", "versions 1, 2", "current: 3");
  }

  @Test
  void aGivenEventIsTypedAgainstTheFieldsOfItsVersion() {
    model().replace("ItemAdded@1: { cartId: $c, code: ABC, legacy: true }",
            "ItemAdded@1: { cartId: $c, code: ABC, legacy: §maybe }")
        .expect(DiagnosticCode.VALUE_DOES_NOT_FIT);
    model().replace("ItemAdded@1: { cartId: $c, code: ABC, legacy: true }",
            "ItemAdded@1: { cartId: $c, code: ABC, legacy: true, §quantity: 1 }")
        .expect(DiagnosticCode.UNKNOWN_SPEC_FIELD);
  }

  @Test
  void esm0607AFieldOfTheNewerVersionThatNoStepSets() {
    model().replace("      - { from: 1, rename: { code: sku }, drop: [ legacy ], set: { quantity: 1 } }",
            "      - §{ from: 1, rename: { code: sku }, drop: [ legacy ] }")
        .expect(DiagnosticCode.BROKEN_UPCAST_CHAIN, "version 2", "'quantity'", "neither renames to nor sets");
  }

  @Test
  void esm0607AFieldOfTheOlderVersionThatNoStepDrops() {
    model().replace("      - { from: 1, rename: { code: sku }, drop: [ legacy ], set: { quantity: 1 } }",
            "      - §{ from: 1, rename: { code: sku }, set: { quantity: 1 } }")
        .expect(DiagnosticCode.BROKEN_UPCAST_CHAIN, "'legacy' of version 1", "neither drops nor renames");
  }

  @Test
  void esm0607AMissingStepWhereTheFieldsDiffer() {
    model().replace("    upcast:\n      - { from: 1, rename: { code: sku }, drop: [ legacy ], set: { quantity: 1 } }\n",
            "")
        .replace("      1: { fields:", "      §1: { fields:")
        .expect(DiagnosticCode.BROKEN_UPCAST_CHAIN, "no upcast from version 1 exists");
  }

  @Test
  void esm0607AStepThatRenamesAFieldTheOlderVersionLacks() {
    model().replace("      - { from: 1, rename: { code: sku }, drop: [ legacy ], set: { quantity: 1 } }",
            "      - §{ from: 1, rename: { code: sku, kode: sku }, drop: [ legacy ], set: { quantity: 1 } }")
        .expect(DiagnosticCode.BROKEN_UPCAST_CHAIN, "renames 'kode'", "version 1 does not have");
  }

  @Test
  void esm0608ATypeChangeWithoutAStep() {
    model().replace("      2: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "      §2: { fields: { cartId: uuid, sku: Sku, quantity: string } }")
        .expect(DiagnosticCode.UPCAST_TYPE_CHANGE, "'quantity'", "a string at version 2", "a long at version 3");
  }

  @Test
  void widerTypesReadTheOlderJson() {
    // int -> long (2 -> 3) and string -> Sku (1 -> 2, a value type over string) read the stored JSON as it is.
    LoadResult result = model().load();
    assertEquals("", result.format());
    model().replace("      2: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "      §2: { fields: { cartId: uuid, sku: Sku, quantity: decimal } }")
        .expect(DiagnosticCode.UPCAST_TYPE_CHANGE, "decimal");
  }

  @Test
  void anUnknownTypeInAnOlderVersionIsReported() {
    model().replace("      1: { fields: { cartId: uuid, code: string, legacy: boolean } }",
            "      1: { fields: { cartId: uuid, code: string, §legacy: Flag } }")
        .expect(DiagnosticCode.UNKNOWN_TYPE, "'Flag'", "version 1 of event 'ItemAdded'");
  }

  @Test
  void aModelWithoutDeclaredVersionsKeepsItsUncheckedUpcasts() {
    LoadResult result = ModelText.base().replace(ITEM_ADDED + "\n", String.join("\n",
        "  ItemAdded:",
        "    version: 2",
        "    fields: { cartId: uuid, sku: Sku, quantity: int }",
        "    upcast: [ { from: 1, set: { quantity: 1 } } ]", "")).load();
    assertEquals("", result.format());
  }
}
