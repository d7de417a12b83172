package dev.eventsmith.maven;

import dev.eventsmith.insight.HandWrittenCode;
import dev.eventsmith.insight.ModelStatus;
import dev.eventsmith.insight.TestReports;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.model.EventModel;
import java.util.ArrayList;
import java.util.List;

/** The models of a project with their compiled code and test reports: what status, checks and diagrams show. */
record ProjectStatus(List<EventModel> models, List<ModelStatus> statuses, List<Diagnostic> diagnostics, int reportFiles) {

  static ProjectStatus read(StatusRequest request) {
    List<EventModel> models = new ArrayList<>();
    List<ModelStatus> statuses = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    TestReports reports = TestReports.read(request.reports());
    for (ModelValidation.Found found : new ModelValidation(request.model(), request.baseDir()).models()) {
      diagnostics.addAll(found.result().errors());
      found.result().model().ifPresent(model -> {
        models.add(model);
        statuses.add(ModelStatus.of(model, HandWrittenCode.scan(model, request.classes()), reports));
      });
    }
    return new ProjectStatus(List.copyOf(models), List.copyOf(statuses), List.copyOf(diagnostics), reports.files());
  }
}
