package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * Reads YAML model files into one {@link EventModel}, reporting structural problems. The model is
 * built even when there are errors, so that the validator can report the rest in the same run.
 * Files are given one at a time, as text and the name diagnostics call them by.
 */
public final class ModelReader {
  private final Diagnostics diagnostics;
  private final ModelDraft draft;
  private final NodeReader nodes;
  private String firstFile;
  private boolean anyParsed;

  /** A reader that reports to {@code diagnostics}. */
  public ModelReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.draft = new ModelDraft(diagnostics);
    this.nodes = new NodeReader(diagnostics);
  }

  /** Reads one file into the model; {@code file} is how diagnostics and positions name it. */
  public void read(String file, String text) {
    if (firstFile == null) {
      firstFile = file;
    }
    draft.sourceFiles.add(file);
    Optional<YamlNode> root = YamlParser.parse(file, text, diagnostics);
    if (root.isPresent()) {
      anyParsed = true;
      new FileReader(nodes, draft).read(root.get());
    } else if (text.isBlank()) {
      diagnostics.report(DiagnosticCode.MISSING_KEY, new SourcePosition(file, 1, 1),
          "the file is empty", "Start every model file with 'eventmodel: 1', or delete the file.");
    }
  }

  /**
   * The merged model of all files read, or empty when no file could be parsed at all. Names or
   * packages that are missing are left empty (and reported).
   */
  public Optional<EventModel> model() {
    if (!anyParsed) {
      return Optional.empty();
    }
    SourcePosition first = new SourcePosition(firstFile, 1, 1);
    for (String key : List.of("name", "package")) {
      boolean given = key.equals("name") ? draft.name.isPresent() : draft.packageName.isPresent();
      if (!given) {
        diagnostics.report(DiagnosticCode.MISSING_KEY, first, "the model has no '" + key + "'",
            "Add '" + key + ":' to one of the model files" + (key.equals("name")
                ? ", e.g. name: ShoppingCart." : ", e.g. package: com.example.cart."));
      }
    }
    return Optional.of(new ModelAssembler(draft, diagnostics).assemble(first));
  }
}
