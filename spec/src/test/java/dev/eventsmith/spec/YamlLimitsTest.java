package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile or broken YAML ends as diagnostics, quickly, and never as an exception. */
class YamlLimitsTest {

  private static LoadResult load(String text) {
    return ModelLoader.load(List.of(new ModelSource("m.yaml", text)));
  }

  @Test
  void billionLaughsIsRefusedWithoutExpanding() {
    StringBuilder yaml = new StringBuilder("eventmodel: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      String p = "*a" + (i - 1);
      yaml.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, p))).append("]\n");
    }
    LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(yaml.toString()));
    assertTrue(result.errors().stream().anyMatch(d -> d.code() == DiagnosticCode.UNSUPPORTED_YAML
        && d.position().line() == 2 && d.message().contains("anchors")), result::format);
    assertTrue(result.errors().stream().anyMatch(d -> d.code() == DiagnosticCode.UNSUPPORTED_YAML
        && d.message().contains("aliases")), result::format);
  }

  @Test
  void deepNestingStopsAtTheLimit() {
    LoadResult result = load("eventmodel: 1\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    assertEquals(DiagnosticCode.LIMIT_EXCEEDED, result.errors().get(0).code(), result::format);
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing() {
    LoadResult result = load("eventmodel: 1\n#" + "x".repeat(5 * 1024 * 1024) + "\n");
    assertEquals(DiagnosticCode.LIMIT_EXCEEDED, result.errors().get(0).code());
    assertEquals("m.yaml:1:1", result.errors().get(0).position().toString());
  }

  @Test
  void tagsAndSecondDocumentsAreRefused() {
    LoadResult tagged = load("eventmodel: 1\nname: !!python/object Shop\n");
    assertTrue(tagged.errors().stream().anyMatch(d -> d.code() == DiagnosticCode.UNSUPPORTED_YAML && d.message().contains("tags")),
        tagged::format);
    LoadResult twoDocs = load("eventmodel: 1\nname: A\npackage: a\n---\nname: B\n");
    Diagnostic d = twoDocs.errors().stream().filter(x -> x.code() == DiagnosticCode.UNSUPPORTED_YAML).findFirst().orElseThrow();
    assertTrue(d.message().contains("second YAML document"), d.message());
  }

  @Test
  void syntaxErrorPointsAtTheProblem() {
    Diagnostic d = load("eventmodel: 1\nevents:\n\t- x\n").errors().get(0);
    assertEquals(DiagnosticCode.YAML_SYNTAX, d.code());
    assertEquals("m.yaml:3:1", d.position().toString());
    assertTrue(d.message().contains("TAB") || d.message().contains("tab"), d.message());
  }

  @Test
  void duplicateKeysAtTopLevelAreReportedAndTheFirstIsKept() {
    LoadResult result = load("eventmodel: 1\nname: Shop\npackage: a.b\nname: Store\n");
    Diagnostic d = result.errors().get(0);
    assertEquals(DiagnosticCode.DUPLICATE_KEY, d.code());
    assertEquals("m.yaml:4:1", d.position().toString());
    assertTrue(d.message().contains("first at line 2"), d.message());
  }

  @Test
  void quotedNullIsTextAndPlainNullIsNull() {
    LoadResult result = load(ModelText.BASE.replace("given: [ { CartCreated: { cartId: $c } } ]",
        "given: [ { CartCreated: { cartId: ~ } } ]"));
    Diagnostic d = result.errors().get(0);
    assertEquals(DiagnosticCode.VALUE_DOES_NOT_FIT, d.code());
    assertTrue(d.message().contains("null"), d.message());
  }
}
