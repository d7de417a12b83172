package dev.eventsmith.spec;

import static dev.eventsmith.spec.ModelText.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One negative test per diagnostic code: the code, the exact place, and the words of the message. */
class DiagnosticCodesTest {

  @Test
  void baseModelIsClean() {
    LoadResult result = base().load();
    assertEquals("", result.format());
    assertEquals(true, result.model().isPresent());
  }

  // ESM-00xx: YAML structure

  @Test
  void esm0001YamlSyntax() {
    base().replace("name: Shop", "name: Shop§: x").expect(DiagnosticCode.YAML_SYNTAX, "invalid YAML", "mapping values");
  }

  @Test
  void esm0002DuplicateKey() {
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §cartId: string } }")
        .expect(DiagnosticCode.DUPLICATE_KEY, "'cartId'", "twice", "line 9");
  }

  @Test
  void esm0003WrongNodeKind() {
    base().replace("    fields: { cartId: uuid, sku: Sku, quantity: int }", "    fields: §[cartId, sku]")
        .expect(DiagnosticCode.WRONG_NODE_KIND, "fields of command 'AddItem'", "mapping", "a list");
  }

  @Test
  void esm0004UnknownKeyWithSuggestion() {
    base().replace("    emits: [ItemAdded]", "    §emit: [ItemAdded]")
        .expect(DiagnosticCode.UNKNOWN_KEY, "'emit'", "command 'AddItem'", "did you mean 'emits'?");
  }

  @Test
  void esm0005MissingKey() {
    base().replace("  Cart: { id: cartId }", "  §Cart: {}").expect(DiagnosticCode.MISSING_KEY, "aggregate 'Cart'", "'id'");
  }

  @Test
  void esm0006TooDeep() {
    String deep = "[".repeat(100) + "]".repeat(100);
    // The root is level 1, 'x' opens level 2 with its first '[' at column 4: level 65 is the 64th '['.
    ModelText.of("eventmodel: 1\nx: " + "[".repeat(63) + "§" + deep.substring(63))
        .expect(DiagnosticCode.LIMIT_EXCEEDED, "nested more than 64");
  }

  @Test
  void esm0007Alias() {
    base().replace("package: com.example.shop", "package: &p com.example.shop\nx: §*p")
        .expect(DiagnosticCode.UNSUPPORTED_YAML, "aliases", "'*p'");
  }

  @Test
  void esm0008FormatVersion() {
    base().replace("eventmodel: 1", "eventmodel: §2").expect(DiagnosticCode.UNSUPPORTED_FORMAT_VERSION, "'2'", "version 1");
  }

  @Test
  void esm0009UnreadableSource() {
    LoadResult result = ModelLoader.load(java.nio.file.Path.of("no/such/model"));
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(DiagnosticCode.UNREADABLE_SOURCE, d.code());
    assertEquals("no/such/model:1:1", d.position().toString());
    assertEquals(true, d.message().contains("does not exist"));
    assertEquals(true, result.model().isEmpty());
  }

  @Test
  void esm0010InvalidValue() {
    base().replace("ItemAdded: { fields:", "ItemAdded: { version: §two, fields:")
        .expect(DiagnosticCode.INVALID_VALUE, "'version' of event 'ItemAdded'", "whole number", "'two'");
  }

  // ESM-01xx: references and duplicates (ESM-0101 and ESM-0112 are in MultiFileTest)

  @Test
  void esm0102NameUsedByTwoKinds() {
    base().after("  Notify: { on: ItemAdded, issues: [AddItem] }", "  §ItemAdded: { on: CartCreated, issues: [AddItem] }")
        .expect(DiagnosticCode.NAME_USED_BY_TWO_KINDS, "automation 'ItemAdded'", "event at shop.yaml:10:3");
  }

  @Test
  void esm0103UnknownEmittedEvent() {
    Diagnostic d = base().replace("emits: [ItemAdded]", "emits: [§ItemAded]").expect(DiagnosticCode.UNKNOWN_EMITTED_EVENT);
    assertEquals("shop.yaml:15:13: error[ESM-0103]: command 'AddItem' emits unknown event 'ItemAded' (did you mean "
        + "'ItemAdded'?)\n  hint: Declare the event under 'events:' or correct the name in 'emits'.", d.format());
  }

  @Test
  void esm0104UnknownAggregate() {
    base().replace("    aggregate: Cart", "    aggregate: §Crt").expect(DiagnosticCode.UNKNOWN_AGGREGATE, "'Crt'", "did you mean 'Cart'?");
  }

  @Test
  void esm0105UnknownType() {
    base().replace("ItemAdded: { fields: { cartId: uuid, sku: Sku,", "ItemAdded: { fields: { cartId: uuid, §sku: Skuu,")
        .expect(DiagnosticCode.UNKNOWN_TYPE, "'Skuu'", "field 'sku' of event 'ItemAdded'", "did you mean 'Sku'?");
  }

  @Test
  void esm0105SuggestsTheBuiltInTypeOtherLanguagesSpellDifferently() {
    for (String[] pair : new String[][] {
        {"integer", "int"}, {"Integer", "int"}, {"int32", "int"}, {"int64", "long"}, {"str", "string"},
        {"bool", "boolean"}, {"double", "decimal"}, {"float", "decimal"}, {"number", "decimal"},
        {"timestamp", "instant"}, {"datetime", "instant"}, {"LocalDate", "date"}, {"guid", "uuid"},
        {"\"list<integer>\"", "int"}, {"\"double?\"", "decimal"}}) {
      base().replace("ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
              "ItemAdded: { fields: { cartId: uuid, sku: Sku, §quantity: " + pair[0] + " } }")
          .expect(DiagnosticCode.UNKNOWN_TYPE, "did you mean '" + pair[1] + "'?");
    }
    // A declared name that differs only in case comes first; plain typos still get the nearest name.
    base().replace("ItemAdded: { fields: { cartId: uuid, sku: Sku,", "ItemAdded: { fields: { cartId: uuid, §sku: sku,")
        .expect(DiagnosticCode.UNKNOWN_TYPE, "did you mean 'Sku'?");
    base().replace("ItemAdded: { fields: { cartId: uuid, sku: Sku,", "ItemAdded: { fields: { cartId: uuid, §sku: strng,")
        .expect(DiagnosticCode.UNKNOWN_TYPE, "did you mean 'string'?");
  }

  @Test
  void esm0106UnknownViewEvent() {
    base().replace("from: [ItemAdded]", "from: [ItemAdded, §ItemAddd]")
        .expect(DiagnosticCode.UNKNOWN_VIEW_EVENT, "view 'Items'", "'ItemAddd'");
  }

  @Test
  void esm0107UnknownTriggerEvent() {
    base().replace("on: ItemAdded,", "on: §ItemsAdded,").expect(DiagnosticCode.UNKNOWN_TRIGGER_EVENT, "'ItemsAdded'", "did you mean 'ItemAdded'?");
  }

  @Test
  void esm0108UnknownIssuedCommand() {
    base().replace("issues: [AddItem]", "issues: [§AddItm]").expect(DiagnosticCode.UNKNOWN_ISSUED_COMMAND, "'AddItm'", "did you mean 'AddItem'?");
  }

  @Test
  void esm0109AmbiguousEventAggregate() {
    base().after("  Cart: { id: cartId }", "  Order: { id: cartId }")
        .replace("  ItemAdded: {", "  §ItemAdded: {")
        .replace("  CartCreated: { fields", "  CartCreated: { aggregate: Cart, fields")
        .after("    emits: [ItemAdded]", "  Reorder: { aggregate: Order, fields: { cartId: uuid }, emits: [ItemAdded] }")
        .expect(DiagnosticCode.AMBIGUOUS_EVENT_AGGREGATE, "'ItemAdded'", "AddItem (Cart)", "Reorder (Order)");
  }

  @Test
  void esm0110UndeterminedEventAggregate() {
    base().after("  Cart: { id: cartId }", "  Order: { id: orderId }")
        .replace("  CartCreated: {", "  §CartCreated: {")
        .expect(DiagnosticCode.UNDETERMINED_EVENT_AGGREGATE, "no command emits event 'CartCreated'");
  }

  @Test
  void esm0111ConflictingRejection() {
    base().after("    emits: [ItemAdded]",
            "    rejects: { NotFound: { fields: { sku: Sku } } }\n"
                + "  Remove: { aggregate: Cart, fields: { cartId: uuid }, emits: [ItemAdded], rejects: { §NotFound: {} } }")
        .expect(DiagnosticCode.CONFLICTING_REJECTION, "rejection 'NotFound'", "other fields", "'AddItem'");
  }

  @Test
  void esm0113ForeignEmittedEvent() {
    base().after("  Cart: { id: cartId }", "  Order: { id: cartId }")
        .replace("  ItemAdded: { fields", "  ItemAdded: { aggregate: Order, fields")
        .replace("  CartCreated: { fields", "  CartCreated: { aggregate: Cart, fields")
        .replace("emits: [ItemAdded]", "emits: [§ItemAdded]")
        .expect(DiagnosticCode.FOREIGN_EMITTED_EVENT, "aggregate 'Cart'", "belongs to aggregate 'Order'");
  }

  @Test
  void esm0114DuplicateReference() {
    base().replace("emits: [ItemAdded]", "emits: [ItemAdded, §ItemAdded]")
        .expect(DiagnosticCode.DUPLICATE_REFERENCE, "'ItemAdded'", "twice", "'emits' of command 'AddItem'");
  }

  // ESM-02xx: names and types

  @Test
  void esm0201InvalidIdentifier() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §item-removed: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.INVALID_IDENTIFIER, "event name 'item-removed'", "UpperCamel");
  }

  @Test
  void esm0202ReservedWord() {
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §class: string } }")
        .expect(DiagnosticCode.RESERVED_WORD, "'class'", "event 'CartCreated'");
  }

  @Test
  void esm0203GeneratedNameClash() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §CartDecider: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.GENERATED_NAME_CLASH, "'CartDecider'", "aggregate 'Cart'");
  }

  @Test
  void esm0204InvalidPackage() {
    base().replace("package: com.example.shop", "package: §com.new.shop").expect(DiagnosticCode.INVALID_PACKAGE, "'new'", "reserved");
  }

  @Test
  void esm0205BadTypeExpression() {
    base().replace("fields: { cartId: uuid, quantity: int }", "fields: { cartId: uuid, quantity: §\"list<int\" }")
        .expect(DiagnosticCode.BAD_TYPE_EXPRESSION, "'list<int'", "not closed");
  }

  @Test
  void esm0206ConstraintOnWrongBase() {
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §open: { type: boolean, min: 1 } } }")
        .expect(DiagnosticCode.CONSTRAINT_ON_WRONG_BASE, "field 'open'", "boolean", "min");
  }

  @Test
  void esm0207AggregateIdMissing() {
    base().replace("  CartCreated: { fields: { cartId: uuid } }", "  §CartCreated: { fields: { id: uuid } }")
        .expect(DiagnosticCode.AGGREGATE_ID_MISSING, "event 'CartCreated'", "no field 'cartId'");
  }

  @Test
  void esm0208ViewKeyMissing() {
    base().replace("    key: cartId", "    key: quantity").replace("from: [ItemAdded]", "from: [ItemAdded, §CartCreated]")
        .expect(DiagnosticCode.VIEW_KEY_MISSING, "keyed by 'quantity'", "event 'CartCreated'");
  }

  @Test
  void esm0209InvalidConstraint() {
    base().replace("pattern: \"[A-Z]{3}\"", "pattern: §\"[A-Z\"").expect(DiagnosticCode.INVALID_CONSTRAINT, "type 'Sku'", "regular expression");
  }

  @Test
  void esm0209BoundOutsideTheRangeOfItsType() {
    base().replace("CartCreated: { fields: { cartId: uuid } }",
            "CartCreated: { fields: { cartId: uuid, §count: { type: int, max: 9223372036854775808 } } }")
        .expect(DiagnosticCode.INVALID_CONSTRAINT, "max 9223372036854775808", "whole number an int can hold");
    base().replace("CartCreated: { fields: { cartId: uuid } }",
            "CartCreated: { fields: { cartId: uuid, §count: { type: long, min: 0.5 } } }")
        .expect(DiagnosticCode.INVALID_CONSTRAINT, "min 0.5", "long");
  }

  @Test
  void esm0210InvalidUpcast() {
    base().replace("ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "ItemAdded: { upcast: [ §{ from: 1 } ], fields: { cartId: uuid, sku: Sku, quantity: int } }")
        .expect(DiagnosticCode.INVALID_UPCAST, "from version 1", "version is 1");
  }

  @Test
  void esm0211InvalidValueType() {
    base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  §Code: { base: string, enum: [A, B] }")
        .expect(DiagnosticCode.INVALID_VALUE_TYPE, "type 'Code'", "both 'base' and 'enum'");
  }

  @Test
  void esm0211SuggestsTheBuiltInBaseOtherLanguagesSpellDifferently() {
    base().replace("Sku: { base: string,", "Sku: { base: §integer,")
        .expect(DiagnosticCode.INVALID_VALUE_TYPE, "'integer'", "did you mean 'int'?");
  }

  @Test
  void esm0212AggregateIdTypeMismatch() {
    base().replace("ItemAdded: { fields: { cartId: uuid,", "ItemAdded: { fields: { §cartId: string,")
        .expect(DiagnosticCode.AGGREGATE_ID_TYPE_MISMATCH, "event 'ItemAdded'", "string", "uuid");
  }

  @Test
  void esm0213LookAlikeLetterOfAnotherScript() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "  §Cart\u0421reated: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "event name 'Cart\u0421reated'", "U+0421 CYRILLIC CAPITAL LETTER ES",
            "looks like the Latin 'C'", "looks exactly like the event 'CartCreated' at shop.yaml:9:3");
  }

  @Test
  void esm0213InvisibleCharacters() {
    Diagnostic zeroWidth = base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "  §Cart\u200BCreated: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "'Cart\\u200BCreated'", "U+200B ZERO WIDTH SPACE",
            "invisible character that javac drops", "looks exactly like the event 'CartCreated'");
    assertTrue(zeroWidth.hint().contains("ASCII letters and digits"), zeroWidth.hint());
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §cart\u00ADName: string } }")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "field name 'cart\\u00ADName'", "U+00AD SOFT HYPHEN");
  }

  @Test
  void esm0213OtherLettersUnderscoresAndPackages() {
    Diagnostic accent = base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  §Gr\u00FC\u00DFe: { base: string }")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "type name 'Gr\u00FC\u00DFe'", "LATIN SMALL LETTER U WITH DIAERESIS");
    assertTrue(accent.hint().contains("write 'Grue'"), accent.hint());
    Diagnostic underscore = base().replace("CartCreated: { fields: { cartId: uuid } }",
            "CartCreated: { fields: { cartId: uuid, §cart_name: string } }")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "field name 'cart_name'", "'_'");
    assertTrue(underscore.hint().contains("write 'cartName'"), underscore.hint());
    base().replace("package: com.example.shop", "package: §com.example.sh\u00F6p")
        .expect(DiagnosticCode.UNSAFE_NAME_CHARACTER, "package segment 'sh\u00F6p'");
    // Enum constants keep their underscores.
    LoadResult constants = base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }",
        "  Status: { enum: [OPEN_CART, SUBMITTED] }").load();
    assertEquals(List.of(), constants.errors(), constants::format);
  }

  @Test
  void esm0214JavaLangName() {
    base().replace("    emits: [ItemAdded]", "    emits: [ItemAdded]\n    rejects: { §IllegalArgumentException: {} }")
        .expect(DiagnosticCode.JAVA_LANG_NAME, "rejection name 'IllegalArgumentException'",
            "java.lang.IllegalArgumentException");
    base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  §Module: { base: string }")
        .expect(DiagnosticCode.JAVA_LANG_NAME, "type name 'Module'");
  }

  @Test
  void esm0203ImportedAndNestedNames() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §Decision: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.GENERATED_NAME_CLASH, "'Decision'", "generated code imports");
    base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  §Issues: { base: string }")
        .expect(DiagnosticCode.GENERATED_NAME_CLASH, "'Issues'", "nests in every automation");
    base().replace("name: Shop", "name: §Event")
        .expect(DiagnosticCode.GENERATED_NAME_CLASH, "model name 'Event'", "'EventCodec'", "imports");
    base().replace("  Notify: { on: ItemAdded", "  §View: { on: ItemAdded")
        .expect(DiagnosticCode.GENERATED_NAME_CLASH, "automation name 'View'", "'ViewAutomation'", "imports");
  }

  @Test
  void esm0215NamesThatDifferOnlyInCase() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §Itemadded: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.NAMES_DIFFER_ONLY_IN_CASE, "event 'Itemadded' becomes the file Itemadded.java",
            "from ItemAdded.java of event 'ItemAdded' at shop.yaml:10:3", "macOS and Windows");
    // A generated name counts too: aggregate Cart's CartEvent and an event Cartevent.
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §Cartevent: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.NAMES_DIFFER_ONLY_IN_CASE, "Cartevent.java", "CartEvent.java of aggregate 'Cart'");
  }

  @Test
  void esm0216NameTooLong() {
    String longName = "Item" + "Added".repeat(13);
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §" + longName + ": { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.NAME_TOO_LONG, "69 characters", "at most 64");
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, §" + "x".repeat(65) + ": int } }")
        .expect(DiagnosticCode.NAME_TOO_LONG, "field name", "65 characters");
    base().replace("package: com.example.shop", "package: §com.example." + "s".repeat(70))
        .expect(DiagnosticCode.NAME_TOO_LONG, "package segment");
    // 64 is fine.
    LoadResult longest = base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
        "  " + "I".repeat(64) + ": { fields: { cartId: uuid } }").load();
    assertTrue(longest.errors().isEmpty(), longest::format);
  }

  @Test
  void esm0217TooManyMembers() {
    StringBuilder fields = new StringBuilder("cartId: uuid");
    for (int i = 1; i <= 120; i++) {
      fields.append(", f").append(i).append(": long");
    }
    base().replace("  CartCreated: { fields: { cartId: uuid } }", "  §CartCreated: { fields: { " + fields + " } }")
        .expect(DiagnosticCode.TOO_MANY_MEMBERS, "event 'CartCreated' has 121 fields", "at most 120");
    StringBuilder constants = new StringBuilder("C0");
    for (int i = 1; i <= 1000; i++) {
      constants.append(", C").append(i);
    }
    base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  §Code: { enum: [" + constants + "] }")
        .expect(DiagnosticCode.TOO_MANY_MEMBERS, "enum 'Code' has 1001 constants", "at most 1000");
  }

  @Test
  void esm0218TextTooLong() {
    base().after("  Sku: { base: string, pattern: \"[A-Z]{3}\" }", "  Note: { base: string }")
        .replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, note: Note } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ { CartCreated: { cartId: $c, note: §" + "n".repeat(20_001) + " } } ]")
        .expect(DiagnosticCode.TEXT_TOO_LONG, "20001 characters", "at most 20000");
  }

  // ESM-03xx: specs

  @Test
  void oneMistakeIsReportedOnceNotAsACascade() {
    LoadResult result = base()
        .replace("ItemAdded: { fields: { cartId: uuid, sku: Sku,", "ItemAdded: { fields: { cartId: uuid, sku: Skuu,")
        .replace("emits: [ItemAdded]", "emits: [ItemAddd]")
        .load();
    // Skuu (ESM-0105) is not re-reported for each spec value; ItemAddd (ESM-0103) not as ESM-0306.
    assertEquals(java.util.List.of(DiagnosticCode.UNKNOWN_EMITTED_EVENT, DiagnosticCode.UNKNOWN_TYPE),
        result.diagnostics().stream().map(Diagnostic::code).sorted().toList(), result::format);
  }

  @Test
  void esm0301UnknownSpecSubject() {
    base().replace("specs:\n  AddItem:", "specs:\n  §AddItm:").expect(DiagnosticCode.UNKNOWN_SPEC_SUBJECT, "'AddItm'", "did you mean 'AddItem'?");
  }

  @Test
  void esm0302ValueDoesNotFit() {
    base().replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }", "when: { AddItem: { cartId: $c, sku: ABC, quantity: §1.5 } }")
        .expect(DiagnosticCode.VALUE_DOES_NOT_FIT, "field 'quantity' of 'AddItem'", "'1.5'", "whole number");
  }

  @Test
  void esm0302PatternOfWrapperType() {
    base().replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }", "when: { AddItem: { cartId: $c, sku: §abc, quantity: 1 } }")
        .expect(DiagnosticCode.VALUE_DOES_NOT_FIT, "field 'sku'", "'abc'", "pattern");
  }

  @Test
  void esm0303MissingSpecField() {
    base().replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }", "when: { §AddItem: { cartId: $c, sku: ABC } }")
        .expect(DiagnosticCode.MISSING_SPEC_FIELD, "'AddItem'", "required field 'quantity'");
  }

  @Test
  void esm0304UnknownSpecField() {
    base().replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }", "when: { AddItem: { cartId: $c, sku: ABC, quantity: 1, §qty: 2 } }")
        .expect(DiagnosticCode.UNKNOWN_SPEC_FIELD, "no field 'qty'");
    // In block style too: the name is what is wrong, so the diagnostic points at the name, not at its value.
    base().replace("      when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }\n",
            "      when:\n        AddItem:\n          cartId: $c\n          sku: ABC\n          quantity: 1\n          §quantty:\n            [1, 2]\n")
        .expect(DiagnosticCode.UNKNOWN_SPEC_FIELD, "no field 'quantty'", "did you mean 'quantity'?");
  }

  @Test
  void esm0305GivenEventOfOtherAggregate() {
    base().after("  Cart: { id: cartId }", "  Order: { id: orderId }")
        .replace("  CartCreated: { fields", "  CartCreated: { aggregate: Cart, fields")
        .after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "  OrderPlaced: { aggregate: Order, fields: { orderId: uuid } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ { §OrderPlaced: { orderId: $o } } ]")
        .expect(DiagnosticCode.GIVEN_EVENT_OF_OTHER_AGGREGATE, "'OrderPlaced'", "aggregate 'Order'", "aggregate 'Cart'");
  }

  @Test
  void esm0306ThenEventNotEmitted() {
    base().replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]", "then: [ { §CartCreated: { cartId: $c } } ]")
        .expect(DiagnosticCode.THEN_EVENT_NOT_EMITTED, "'CartCreated'", "does not emit");
  }

  @Test
  void esm0307RejectionNotDeclared() {
    base().replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]", "then: { rejected: §CartFull }")
        .expect(DiagnosticCode.REJECTION_NOT_DECLARED, "'CartFull'", "does not declare");
  }

  @Test
  void esm0308WhenMissing() {
    base().replace("    - name: adds", "    - §name: adds").replace("      when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }\n", "")
        .expect(DiagnosticCode.WHEN_MISMATCH, "spec 'adds'", "no 'when'");
  }

  @Test
  void esm0308WhenOnViewSpec() {
    base().after("      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "  Items:\n"
                + "    - name: counts\n"
                + "      when: { §AddItem: { cartId: $c, sku: ABC, quantity: 1 } }\n"
                + "      then: { Items: { cartId: $c, quantity: 1 } }")
        .expect(DiagnosticCode.WHEN_MISMATCH, "view 'Items'", "only command specs");
  }

  @Test
  void esm0309UnknownSpecMessage() {
    base().replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ { §CartCreatd: { cartId: $c } } ]")
        .expect(DiagnosticCode.UNKNOWN_SPEC_MESSAGE, "'CartCreatd'", "did you mean 'CartCreated'?");
  }

  @Test
  void esm0310ThenShape() {
    base().replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]", "then: §{ Items: { cartId: $c, quantity: 1 } }")
        .expect(DiagnosticCode.THEN_SHAPE, "spec 'adds'", "command 'AddItem'");
  }

  @Test
  void esm0311PartialRejectionFields() {
    base().replace("    emits: [ItemAdded]", "    emits: [ItemAdded]\n    rejects: { TooMany: { fields: { max: int, count: int } } }")
        .replace("then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]", "then: { rejected: { §TooMany: { max: 3 } } }")
        .expect(DiagnosticCode.PARTIAL_REJECTION_FIELDS, "'count'", "all of its fields or with none");
  }

  @Test
  void esm0312DuplicateSpecName() {
    base().after("      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "    - §name: adds\n"
                + "      when: { AddItem: { cartId: $c, sku: ABC, quantity: 2 } }\n"
                + "      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 2 } } ]")
        .expect(DiagnosticCode.DUPLICATE_SPEC_NAME, "two specs named 'adds'");
  }

  @Test
  void esm0313ThenCommandNotIssued() {
    base().after("    emits: [ItemAdded]", "  Clear: { aggregate: Cart, fields: { cartId: uuid }, emits: [CartCreated] }")
        .after("      then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]",
            "  Notify:\n"
                + "    - name: notifies\n"
                + "      given: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]\n"
                + "      then: [ { §Clear: { cartId: $c } } ]")
        .expect(DiagnosticCode.THEN_COMMAND_NOT_ISSUED, "'Clear'", "automation 'Notify'");
  }

  @Test
  void esm0314SpecMessageTooLarge() {
    String many = "[" + "a, ".repeat(999) + "a]";
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, notes: list<string> } }")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ { §CartCreated: { cartId: $c, notes: " + many + " } } ]")
        .expect(DiagnosticCode.SPEC_MESSAGE_TOO_LARGE, "'CartCreated' in spec 'adds' has 1005 values", "at most 1000");
  }

  @Test
  void esm0315SpecsTooLargeForOneClass() {
    StringBuilder given = new StringBuilder();
    for (int message = 0; message < 35; message++) {
      given.append(message == 0 ? "" : ", ").append("{ CartCreated: { cartId: $c, notes: [");
      for (int i = 0; i < 900; i++) {
        given.append(i == 0 ? "" : ", ").append('n').append(message).append('x').append(i);
      }
      given.append("] } }");
    }
    base().replace("CartCreated: { fields: { cartId: uuid } }", "CartCreated: { fields: { cartId: uuid, notes: list<string> } }")
        .replace("    - name: adds", "    - §name: adds")
        .replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ " + given + " ]")
        .expect(DiagnosticCode.SPECS_TOO_LARGE, "the specs of 'AddItem' need about", "at most 60000");
    // A hundred thousand identical events, or ten thousand small numbers, need few constants: no error.
    StringBuilder counted = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      counted.append(i == 0 ? "" : ", ").append("{ ItemAdded: { cartId: $c, sku: ABC, quantity: ").append(i).append(" } }");
    }
    LoadResult fine = base().replace("given: [ { CartCreated: { cartId: $c } } ]", "given: [ " + counted + " ]").load();
    assertTrue(fine.errors().isEmpty(), fine::format);
  }

  // ESM-04xx: warnings

  @Test
  void esm0401CommandWithoutSpec() {
    base().after("    emits: [ItemAdded]", "  §Clear: { aggregate: Cart, fields: { cartId: uuid }, emits: [CartCreated] }")
        .expect(DiagnosticCode.COMMAND_WITHOUT_SPEC, "'Clear'");
  }

  @Test
  void esm0402RejectionWithoutSpec() {
    base().replace("    emits: [ItemAdded]", "    emits: [ItemAdded]\n    rejects: [§CartFull]")
        .expect(DiagnosticCode.REJECTION_WITHOUT_SPEC, "'CartFull'", "'AddItem'");
  }

  @Test
  void esm0403EventNotPastTense() {
    base().after("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }", "  §RemoveItem: { fields: { cartId: uuid } }")
        .expect(DiagnosticCode.EVENT_NOT_PAST_TENSE, "'RemoveItem'");
  }

  @Test
  void esm0404ViewFieldWithoutSource() {
    base().replace("fields: { cartId: uuid, quantity: int }", "fields: { cartId: uuid, quantity: int, §total: int }")
        .expect(DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE, "'total'", "view 'Items'");
  }

  @Test
  void aComputedViewFieldNeedsNoSourceButOnlyViewFieldsMayBeComputed() {
    LoadResult computed = base()
        .replace("fields: { cartId: uuid, quantity: int }", "fields: { cartId: uuid, quantity: int, total: { type: int, computed: true } }")
        .load();
    assertTrue(
        computed.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE),
        computed::format);
    base().replace("  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }",
            "  ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: { type: int, §computed: true } } }")
        .expect(DiagnosticCode.UNKNOWN_KEY, "'computed'");
  }

  @Test
  void aSymbolMustFitTheConstraintsOfItsField() {
    base().replace("fields: { cartId: uuid, sku: Sku, quantity: int }\n    emits",
            "fields: { cartId: uuid, sku: Sku, quantity: { type: int, max: 10 } }\n    emits")
        .replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }",
            "when: { AddItem: { cartId: $c, sku: ABC, quantity: §$many } }")
        .expect(DiagnosticCode.VALUE_DOES_NOT_FIT, "$many", "max 10");
    base().replace("when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }",
            "when: { AddItem: { cartId: $c, sku: §$abc, quantity: 1 } }")
        .expect(DiagnosticCode.VALUE_DOES_NOT_FIT, "'abc'", "pattern [A-Z]{3}");
  }

  @Test
  void aMisspeltEmitIsReportedAsSuchNotAsAnEventWithoutAggregate() {
    LoadResult result = base()
        .replace("  Cart: { id: cartId }", "  Cart: { id: cartId }\n  Shelf: { id: shelfId }")
        .replace("emits: [ItemAdded]", "emits: [ItemAded]")
        .load();
    List<DiagnosticCode> codes = result.diagnostics().stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains(DiagnosticCode.UNKNOWN_EMITTED_EVENT), result::format);
    assertFalse(result.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.UNDETERMINED_EVENT_AGGREGATE
        && d.message().contains("'ItemAdded'")), result::format);
  }

  @Test
  void anUnreadableAggregatesSectionIsOneErrorNotOnePerReference() {
    LoadResult result = base().replace("aggregates:\n  Cart: { id: cartId }", "aggregates:\n  - Cart").load();
    List<DiagnosticCode> codes = result.diagnostics().stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains(DiagnosticCode.WRONG_NODE_KIND), result::format);
    assertFalse(codes.contains(DiagnosticCode.UNKNOWN_AGGREGATE), result::format);
    assertFalse(codes.contains(DiagnosticCode.UNDETERMINED_EVENT_AGGREGATE), result::format);
  }
}
