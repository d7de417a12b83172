package dev.eventsmith.maven;

import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a model's code, or its spec tests, into a source root: the same generator and the
 * same labels as the annotation processor, so both paths give the same bytes. Writes nothing when
 * a model has an error.
 */
final class Generation {

  /** What came of it: every diagnostic, the models generated, and what changed on disk. */
  record Result(List<Diagnostic> diagnostics, List<String> models, OutputDirectory.Changes changes) {
    boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private Generation() {}

  static Result run(GenerateRequest request) throws IOException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<JavaFile> files = new ArrayList<>();
    List<String> models = new ArrayList<>();
    for (ModelValidation.Found found : new ModelValidation(request.model(), request.baseDir()).models()) {
      LoadResult result = found.result();
      diagnostics.addAll(result.diagnostics());
      if (result.model().isEmpty()) {
        continue;
      }
      EventModel model = result.model().get();
      Generator generator = new Generator(model, found.label());
      if (!request.tests()) {
        files.addAll(generator.mainSources());
        models.add(model.name());
        continue;
      }
      if (model.specs().isEmpty()) {
        continue;
      }
      HandWrittenCode code = HandWrittenCode.scan(model, request.compiledClasses().orElseThrow());
      diagnostics.addAll(code.problems());
      code.implementations().ifPresent(implementations -> files.addAll(generator.testSources(implementations)));
      models.add(model.name());
    }
    diagnostics.sort(Diagnostic.ORDER);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Result(diagnostics, models, new OutputDirectory.Changes(0, 0, 0));
    }
    OutputDirectory.Changes changes = new OutputDirectory(request.outputDir()).sync(GeneratedSource.render(files));
    return new Result(List.copyOf(diagnostics), List.copyOf(models), changes);
  }
}
