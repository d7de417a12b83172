package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.List;

/**
 * A small valid model and edits of it for negative tests. A '§' in an edit marks the exact place
 * the expected diagnostic must point at; it is removed before loading.
 */
final class ModelText {
  static final String FILE = "shop.yaml";
  static final char MARK = '§';

  static final String BASE = """
      eventmodel: 1
      name: Shop
      package: com.example.shop
      types:
        Sku: { base: string, pattern: "[A-Z]{3}" }
      aggregates:
        Cart: { id: cartId }
      events:
        CartCreated: { fields: { cartId: uuid } }
        ItemAdded: { fields: { cartId: uuid, sku: Sku, quantity: int } }
      commands:
        AddItem:
          aggregate: Cart
          fields: { cartId: uuid, sku: Sku, quantity: int }
          emits: [ItemAdded]
      views:
        Items:
          key: cartId
          fields: { cartId: uuid, quantity: int }
          from: [ItemAdded]
      automations:
        Notify: { on: ItemAdded, issues: [AddItem] }
      specs:
        AddItem:
          - name: adds
            given: [ { CartCreated: { cartId: $c } } ]
            when: { AddItem: { cartId: $c, sku: ABC, quantity: 1 } }
            then: [ { ItemAdded: { cartId: $c, sku: ABC, quantity: 1 } } ]
      """;

  private String text;

  private ModelText(String text) {
    this.text = text;
  }

  static ModelText base() {
    return new ModelText(BASE);
  }

  static ModelText of(String text) {
    return new ModelText(text);
  }

  /** Replaces the one occurrence of {@code target}; fails the test if there is not exactly one. */
  ModelText replace(String target, String replacement) {
    int at = text.indexOf(target);
    if (at < 0 || text.indexOf(target, at + 1) >= 0) {
      fail("expected exactly one '" + target + "' in the model text");
    }
    text = text.substring(0, at) + replacement + text.substring(at + target.length());
    return this;
  }

  /** Inserts {@code lines} after the line that is exactly {@code line}. */
  ModelText after(String line, String lines) {
    return replace(line + "\n", line + "\n" + lines + (lines.endsWith("\n") ? "" : "\n"));
  }

  String text() {
    return text.replace(String.valueOf(MARK), "");
  }

  /** Where the mark is: 1-based line and column. */
  SourcePosition marked() {
    int at = text.indexOf(MARK);
    if (at < 0) {
      fail("the model text has no " + MARK + " mark");
    }
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - before.lastIndexOf('\n');
    return new SourcePosition(FILE, line, column);
  }

  LoadResult load() {
    return ModelLoader.load(List.of(new ModelSource(FILE, text())));
  }

  /** Loads and asserts a diagnostic of {@code code} at the mark whose message has every keyword. */
  Diagnostic expect(DiagnosticCode code, String... keywords) {
    LoadResult result = load();
    SourcePosition at = marked();
    List<Diagnostic> found = result.diagnostics().stream().filter(d -> d.code() == code).toList();
    assertTrue(!found.isEmpty(), () -> "no " + code.id() + " reported; got:\n" + result.format());
    Diagnostic diagnostic = found.stream().filter(d -> d.position().equals(at)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code.id() + " at " + at + "; got:\n" + result.format()));
    for (String keyword : keywords) {
      assertTrue(diagnostic.message().contains(keyword),
          () -> "message of " + code.id() + " lacks '" + keyword + "': " + diagnostic.message());
    }
    assertEquals(code.severity(), diagnostic.severity());
    assertTrue(!diagnostic.hint().isBlank(), "every diagnostic says how to fix it");
    if (code.severity() == dev.eventsmith.spec.diagnostic.Severity.ERROR) {
      assertTrue(result.model().isEmpty(), "no model is handed out when there is an error");
    }
    return diagnostic;
  }
}
