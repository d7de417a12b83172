package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  /** The error pages live at the repository root, next to this module. */
  private static final Path PAGES = Path.of("..", "agent-guides", "errors");

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertTrue(code.id().matches("ESM-\\d{4}"), code.id());
      assertTrue(ids.add(code.id()), "duplicate id " + code.id());
      assertTrue(!code.title().isBlank(), code.name());
    }
  }

  @Test
  void warningsAreExactlyTheFourHundreds() {
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertEquals(code.id().startsWith("ESM-04"), code.severity() == Severity.WARNING, code.id());
    }
  }

  @Test
  void everyCodeHasAPageWithCauseExampleAndFix() throws IOException {
    for (DiagnosticCode code : DiagnosticCode.values()) {
      Path page = PAGES.resolve(code.id() + ".md");
      assertTrue(Files.isRegularFile(page), "missing page " + page);
      String text = Files.readString(page);
      assertTrue(text.startsWith("# " + code.id() + ": " + code.title()), page + " must start with its id and title");
      for (String section : List.of("## Cause", "## Example", "## Fix")) {
        assertTrue(text.contains(section), page + " lacks " + section);
      }
    }
  }

  @Test
  void noPageForACodeThatDoesNotExist() throws IOException {
    Set<String> ids = new HashSet<>(Arrays.stream(DiagnosticCode.values()).map(c -> c.id() + ".md").toList());
    try (var files = Files.list(PAGES)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ESM-"))
          .forEach(n -> assertTrue(ids.contains(n), "page for unknown code: " + n));
    }
  }
}
