package dev.eventsmith.maven;

import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.diagram.Diagram;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes each model's board as {@code <Model>.html} and {@code <Model>.svg}. */
final class DiagramFiles {

  /** The pages written, and the model's errors (then nothing is written). */
  record Result(List<Path> pages, List<Diagnostic> diagnostics) {}

  private DiagramFiles() {}

  static Result write(DiagramRequest request) throws IOException {
    ProjectStatus project = ProjectStatus.read(request.status());
    if (!project.diagnostics().isEmpty()) {
      return new Result(List.of(), project.diagnostics());
    }
    List<Path> pages = new ArrayList<>();
    Files.createDirectories(request.outputDir());
    boolean reports = project.reportFiles() > 0;
    for (int i = 0; i < project.models().size(); i++) {
      EventModel model = project.models().get(i);
      ModelStatus status = project.statuses().get(i);
      Diagram diagram = reports ? Diagram.of(model, status) : Diagram.of(model);
      Path page = request.outputDir().resolve(model.name() + ".html");
      Files.writeString(page, diagram.html(), StandardCharsets.UTF_8);
      Files.writeString(request.outputDir().resolve(model.name() + ".svg"), diagram.svg(), StandardCharsets.UTF_8);
      pages.add(page);
    }
    return new Result(List.copyOf(pages), List.of());
  }
}
