package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.codegen.GeneratedName;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named elements of a model and the type names generated from them, for the checks of names. */
final class ModelNames {

  /** Source order: by file, line, column. */
  static final Comparator<SourcePosition> ORDER = Comparator.comparing(SourcePosition::file)
      .thenComparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);

  private ModelNames() {}

  /**
   * One named element of the model and what kind it is.
   *
   * @param isFile whether the generator writes a type of exactly this name (a record or an enum)
   */
  record Named(String kind, String name, SourcePosition position, boolean isFile) {}

  /** A type the generator names after {@code owner}. */
  record Generated(GeneratedName kind, String name, Named owner) {}

  /** Types, aggregates, events, commands, rejections (once each), views and automations, in that order. */
  static List<Named> elements(EventModel model) {
    List<Named> all = new ArrayList<>();
    model.types().forEach(t -> all.add(new Named("type", t.name(), t.position(), true)));
    model.aggregates().forEach(a -> all.add(new Named("aggregate", a.name(), a.position(), false)));
    model.events().forEach(e -> all.add(new Named("event", e.name(), e.position(), true)));
    model.commands().forEach(c -> all.add(new Named("command", c.name(), c.position(), true)));
    // A rejection shared by several commands is one element; name it once, where first declared.
    Map<String, RejectionDef> rejections = new LinkedHashMap<>();
    model.commands().forEach(c -> c.rejects().forEach(r -> rejections.putIfAbsent(r.name(), r)));
    rejections.values().forEach(r -> all.add(new Named("rejection", r.name(), r.position(), true)));
    model.views().forEach(v -> all.add(new Named("view", v.name(), v.position(), true)));
    model.automations().forEach(a -> all.add(new Named("automation", a.name(), a.position(), false)));
    model.processes().forEach(p -> all.add(new Named("process", p.name(), p.position(), false)));
    return all;
  }

  /** The generated types named after elements (and after the model, when {@code withModel}). */
  static List<Generated> generated(EventModel model, boolean withModel) {
    List<Generated> all = new ArrayList<>();
    for (var a : model.aggregates()) {
      Named owner = new Named("aggregate", a.name(), a.position(), false);
      for (GeneratedName kind : List.of(GeneratedName.AGGREGATE_EVENT, GeneratedName.AGGREGATE_COMMAND,
          GeneratedName.AGGREGATE_REJECTION, GeneratedName.DECIDER)) {
        all.add(new Generated(kind, kind.of(a.name()), owner));
      }
    }
    for (var c : model.commands()) {
      if (c.decidesAcrossStreams()) {
        Named owner = new Named("command", c.name(), c.position(), true);
        all.add(new Generated(GeneratedName.DECISION, GeneratedName.DECISION.of(c.name()), owner));
      }
    }
    for (var v : model.views()) {
      Named owner = new Named("view", v.name(), v.position(), true);
      all.add(new Generated(GeneratedName.PROJECTOR, GeneratedName.PROJECTOR.of(v.name()), owner));
      all.add(new Generated(GeneratedName.ROW_CODEC, GeneratedName.ROW_CODEC.of(v.name()), owner));
    }
    for (var a : model.automations()) {
      Named owner = new Named("automation", a.name(), a.position(), false);
      all.add(new Generated(GeneratedName.AUTOMATION, GeneratedName.AUTOMATION.of(a.name()), owner));
    }
    for (var p : model.processes()) {
      Named owner = new Named("process", p.name(), p.position(), false);
      all.add(new Generated(GeneratedName.PROCESS, GeneratedName.PROCESS.of(p.name()), owner));
      all.add(new Generated(GeneratedName.PROCESS_STATE, GeneratedName.PROCESS_STATE.of(p.name()), owner));
    }
    Map<String, SourcePosition> subjects = new LinkedHashMap<>();
    for (SpecDef spec : model.specs()) {
      subjects.putIfAbsent(spec.subject().name(), spec.subject().position());
    }
    subjects.forEach((subject, position) -> all.add(new Generated(GeneratedName.SPEC_TEST,
        GeneratedName.SPEC_TEST.of(subject), new Named("spec subject", subject, position, false))));
    if (withModel) {
      Named owner = new Named("model", model.name(), model.position(), false);
      all.add(new Generated(GeneratedName.CODEC, GeneratedName.CODEC.of(model.name()), owner));
      all.add(new Generated(GeneratedName.EVENT_TYPES, GeneratedName.EVENT_TYPES.of(model.name()), owner));
      if (model.events().stream().anyMatch(e -> !e.tags().isEmpty())) {
        all.add(new Generated(GeneratedName.TAGS, GeneratedName.TAGS.of(model.name()), owner));
      }
    }
    return all;
  }
}
