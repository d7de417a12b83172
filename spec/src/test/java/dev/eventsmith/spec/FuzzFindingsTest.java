package dev.eventsmith.spec;

import static dev.eventsmith.spec.ModelText.base;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import org.junit.jupiter.api.Test;

/**
 * Models that the generator fuzz test (generator module, fuzz package) found loading cleanly but
 * giving generated code that does not compile; the validator now refuses them.
 */
class FuzzFindingsTest {
  @Test
  void aViewKeyOfAnotherTypeInASourceEventIsRefused() {
    // The projector's keyOf returned the event's int where the view's key is a Sku: javac refused it.
    base().replace("fields: { cartId: uuid, quantity: int }\n    from: [ItemAdded]",
            "fields: { cartId: uuid, quantity: int }\n    from: [§ItemAdded]")
        .replace("ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "ItemAdded: { fields: { cartId: string, sku: Sku, quantity: int } }")
        .replace("  AddItem:\n    aggregate: Cart\n    fields: { cartId: uuid,", "  AddItem:\n    aggregate: Cart\n    fields: { cartId: string,")
        .replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: string } }")
        .expect(DiagnosticCode.VIEW_KEY_MISSING, "keyed by 'cartId' of type", "event 'ItemAdded'", "string");
  }

  @Test
  void aFieldNamedYieldIsRefused() {
    // A record component 'yield' gives an accessor yield() that generated code cannot call unqualified.
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §yield: int } }")
        .expect(DiagnosticCode.RESERVED_WORD, "'yield'", "restricted");
  }
}
