package dev.eventsmith.insight;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.eventsmith.generator.emit.SpecTestNames;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.SpecDef.SubjectKind;
import dev.eventsmith.spec.model.ViewDef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a model stands: every slice (commands, views, automations, then processes, in model order) with
 * its hand-written class and its specs' results from the test reports.
 */
public record ModelStatus(String model, String packageName, List<SliceStatus> slices) {

  private static final JsonFactory JSON = new JsonFactory();

  public ModelStatus {
    slices = List.copyOf(slices);
  }

  /** The status of {@code model} given its compiled hand-written code and the reports of the last test run. */
  public static ModelStatus of(EventModel model, HandWrittenCode code, TestReports reports) {
    List<SliceStatus> slices = new ArrayList<>();
    for (CommandDef command : model.commands()) {
      slices.add(slice(model, command.name(), SubjectKind.COMMAND, command.decidesAcrossStreams()
          ? code.decision(command.name()) : code.decider(command.aggregate()), reports));
    }
    for (ViewDef view : model.views()) {
      slices.add(slice(model, view.name(), SubjectKind.VIEW, code.projector(view.name()), reports));
    }
    for (AutomationDef automation : model.automations()) {
      slices.add(slice(model, automation.name(), SubjectKind.AUTOMATION, code.automation(automation.name()), reports));
    }
    for (ProcessDef process : model.processes()) {
      slices.add(slice(model, process.name(), SubjectKind.PROCESS, code.process(process.name()), reports));
    }
    return new ModelStatus(model.name(), model.packageName(), slices);
  }

  private static SliceStatus slice(EventModel model, String name, SubjectKind kind,
      Optional<com.palantir.javapoet.ClassName> implementation, TestReports reports) {
    List<SpecStatus> specs = new ArrayList<>();
    for (SpecDef spec : model.specsOf(name)) {
      String testClass = SpecTestNames.testClass(model, spec);
      String testMethod = SpecTestNames.testMethod(model, spec);
      Optional<TestReports.TestCase> found = reports.find(List.of(testClass, name), List.of(testMethod, spec.name()));
      SpecStatus.Outcome outcome = found.map(c -> switch (c.result()) {
        case PASSED -> SpecStatus.Outcome.PASSED;
        case FAILED -> SpecStatus.Outcome.FAILED;
        case SKIPPED -> SpecStatus.Outcome.SKIPPED;
      }).orElse(SpecStatus.Outcome.NOT_RUN);
      specs.add(new SpecStatus(name, spec.name(), spec.position().file(), spec.position().line(),
          spec.position().column(), testClass,
          testMethod, outcome, found.map(TestReports.TestCase::message).orElse("")));
    }
    return new SliceStatus(name, kind, implementation.map(c -> c.canonicalName()).orElse(""), specs);
  }

  /** Every spec, slice by slice. */
  public List<SpecStatus> specs() {
    return slices.stream().flatMap(s -> s.specs().stream()).toList();
  }

  /** The specs whose test is in no report. */
  public List<SpecStatus> notRun() {
    return specs().stream().filter(s -> s.outcome() == SpecStatus.Outcome.NOT_RUN).toList();
  }

  /** A fixed-width table for a console, one slice a line, then a line of totals. */
  public String table() {
    int width = Math.max(5, slices.stream().mapToInt(s -> s.name().length()).max().orElse(0));
    StringBuilder out = new StringBuilder();
    String format = "%-" + width + "s  %-10s  %-11s  %5s  %7s  %7s  %7s%n";
    out.append(String.format(java.util.Locale.ROOT, format, "Slice", "Kind", "Logic", "Specs", "Passing",
        "Failing", "Not run"));
    for (SliceStatus slice : slices) {
      out.append(String.format(java.util.Locale.ROOT, format, slice.name(), slice.kindLabel(),
          slice.implemented() ? "written" : "missing", slice.specs().size(), slice.count(SpecStatus.Outcome.PASSED),
          slice.count(SpecStatus.Outcome.FAILED), slice.count(SpecStatus.Outcome.NOT_RUN)));
    }
    List<SpecStatus> all = specs();
    out.append(String.format(java.util.Locale.ROOT, format, "Total", "", "", all.size(),
        count(all, SpecStatus.Outcome.PASSED), count(all, SpecStatus.Outcome.FAILED),
        count(all, SpecStatus.Outcome.NOT_RUN)));
    return out.toString();
  }

  private static long count(List<SpecStatus> specs, SpecStatus.Outcome outcome) {
    return specs.stream().filter(s -> s.outcome() == outcome).count();
  }

  /** Several models' status as one JSON document {@code {"models": [...]}}, for tools and agents. */
  public static String toJson(List<ModelStatus> models) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
          .withLinefeed("\n")));
      json.writeStartObject();
      json.writeArrayFieldStart("models");
      for (ModelStatus model : models) {
        model.write(json);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out + "\n";
  }

  private void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("model", model);
    json.writeStringField("package", packageName);
    json.writeArrayFieldStart("slices");
    for (SliceStatus slice : slices) {
      json.writeStartObject();
      json.writeStringField("name", slice.name());
      json.writeStringField("kind", slice.kindLabel());
      json.writeBooleanField("implemented", slice.implemented());
      json.writeStringField("implementation", slice.implementation());
      json.writeStringField("state", slice.state());
      json.writeArrayFieldStart("specs");
      for (SpecStatus spec : slice.specs()) {
        json.writeStartObject();
        json.writeStringField("name", spec.name());
        json.writeStringField("file", spec.file());
        json.writeNumberField("line", spec.line());
        json.writeStringField("test", spec.testClass() + "#" + spec.testMethod());
        json.writeStringField("outcome", spec.outcome().label());
        if (!spec.message().isEmpty()) {
          json.writeStringField("message", spec.message());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
