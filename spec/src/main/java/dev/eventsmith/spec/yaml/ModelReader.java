package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.ModelSource;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * Reads YAML model files into one {@link EventModel}, reporting structural problems. The model is
 * built even when there are errors, so that the validator can report the rest in the same run.
 */
public final class ModelReader {
  private ModelReader() {}

  /**
   * The merged model of all {@code sources}, or empty when no file could be parsed at all. Names
   * or packages that are missing are left empty (and reported).
   */
  public static Optional<EventModel> read(List<ModelSource> sources, Diagnostics diagnostics) {
    ModelDraft draft = new ModelDraft(diagnostics);
    NodeReader nodes = new NodeReader(diagnostics);
    boolean anyParsed = false;
    for (ModelSource source : sources) {
      draft.sourceFiles.add(source.displayName());
      Optional<YamlNode> root = YamlParser.parse(source, diagnostics);
      if (root.isPresent()) {
        anyParsed = true;
        new FileReader(nodes, draft).read(root.get());
      } else if (source.content().isBlank()) {
        diagnostics.report(DiagnosticCode.MISSING_KEY, new SourcePosition(source.displayName(), 1, 1),
            "the file is empty", "Start every model file with 'eventmodel: 1', or delete the file.");
      }
    }
    if (!anyParsed) {
      return Optional.empty();
    }
    SourcePosition firstFile = new SourcePosition(sources.get(0).displayName(), 1, 1);
    for (String key : List.of("name", "package")) {
      boolean given = key.equals("name") ? draft.name.isPresent() : draft.packageName.isPresent();
      if (!given) {
        diagnostics.report(DiagnosticCode.MISSING_KEY, firstFile, "the model has no '" + key + "'",
            "Add '" + key + ":' to one of the model files" + (key.equals("name")
                ? ", e.g. name: ShoppingCart." : ", e.g. package: com.example.cart."));
      }
    }
    return Optional.of(new ModelAssembler(draft, diagnostics).assemble(firstFile));
  }
}
