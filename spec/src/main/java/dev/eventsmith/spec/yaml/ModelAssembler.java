package dev.eventsmith.spec.yaml;

import dev.eventsmith.spec.codegen.JavaLimits;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.validation.JavaNames;
import dev.eventsmith.spec.validation.SafeAlphabet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns the merged draft into an {@link EventModel}: checks the aggregates that commands and events
 * name, infers the aggregate of events that do not name one, and files each spec under its kind.
 * These steps need every file, which is why they are not done while reading one.
 */
final class ModelAssembler {
  private final ModelDraft draft;
  private final Diagnostics diagnostics;

  ModelAssembler(ModelDraft draft, Diagnostics diagnostics) {
    this.draft = draft;
    this.diagnostics = diagnostics;
  }

  EventModel assemble(SourcePosition firstFile) {
    draft.packageName.ifPresent(this::checkPackage);
    draft.commandAggregates.values().forEach(a -> checkAggregate(a, "command"));
    draft.declaredEventAggregates.values().forEach(a -> checkAggregate(a, "event"));
    List<EventDef> events = draft.events.values().stream().map(this::withAggregate).toList();
    List<SpecDef> specs = new ArrayList<>();
    for (ModelDraft.SpecDraft spec : draft.specs) {
      resolve(spec).ifPresent(specs::add);
    }
    return new EventModel(
        draft.name.map(ModelDraft.Header::value).orElse(""),
        draft.packageName.map(ModelDraft.Header::value).orElse(""),
        List.copyOf(draft.types.values()),
        events,
        List.copyOf(draft.aggregates.values()),
        List.copyOf(draft.commands.values()),
        List.copyOf(draft.views.values()),
        List.copyOf(draft.automations.values()),
        List.copyOf(specs),
        List.copyOf(draft.sourceFiles),
        draft.name.map(ModelDraft.Header::position).orElse(firstFile),
        List.copyOf(draft.processes.values()));
  }

  private void checkPackage(ModelDraft.Header pkg) {
    Optional<String> problem = JavaNames.packageProblem(pkg.value());
    if (problem.isPresent()) {
      diagnostics.report(DiagnosticCode.INVALID_PACKAGE, pkg.position(),
          "the package '" + pkg.value() + "' is not a valid Java package name: " + problem.get(),
          "Write dot-separated lower-case Java identifiers, e.g. com.example.cart.");
      return;
    }
    // Each segment is a folder: the same alphabet and length as the names of the files in it.
    for (String segment : pkg.value().split("\\.")) {
      Optional<Integer> outside = SafeAlphabet.firstOutside(segment, true);
      if (outside.isPresent()) {
        diagnostics.report(DiagnosticCode.UNSAFE_NAME_CHARACTER, pkg.position(),
            "the package segment '" + segment + "' holds " + SafeAlphabet.describe(outside.get()),
            "Package names use ASCII letters, digits and '_' only; write '"
                + SafeAlphabet.lookAlike(segment).replaceAll("[^A-Za-z0-9_]", "") + "'.");
        return;
      }
      if (segment.length() > JavaLimits.MAX_NAME_LENGTH) {
        diagnostics.report(DiagnosticCode.NAME_TOO_LONG, pkg.position(),
            "the package segment '" + segment.substring(0, 24) + "...' has " + segment.length()
                + " characters; names have at most " + JavaLimits.MAX_NAME_LENGTH,
            "Shorten the package name: each segment is a folder of the generated sources.");
        return;
      }
    }
  }

  private void checkAggregate(Reference aggregate, String kind) {
    // With the 'aggregates' section itself unreadable (already reported), every name would look unknown.
    if (!draft.aggregates.containsKey(aggregate.name()) && !draft.aggregatesUnreadable) {
      diagnostics.report(DiagnosticCode.UNKNOWN_AGGREGATE, aggregate.position(),
          "the " + kind + " names the unknown aggregate '" + aggregate.name() + "'"
              + DidYouMean.suffix(aggregate.name(), draft.aggregates.keySet()),
          "Declare it under 'aggregates:' (e.g. " + aggregate.name() + ": { id: ... }) or fix the name.");
    }
  }

  /** Whether some command probably meant to emit {@code event}: a near-miss in 'emits', or no 'emits' at all. */
  private boolean emitterIsMisspelt(EventDef event) {
    for (CommandDef command : draft.commands.values()) {
      if (command.emits().isEmpty()) {
        return true;
      }
      for (Reference emitted : command.emits()) {
        if (!draft.events.containsKey(emitted.name())
            && DidYouMean.closest(emitted.name(), draft.events.keySet()).filter(event.name()::equals).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The event with its aggregate: as declared, else from its commands, else the only aggregate. */
  private EventDef withAggregate(EventDef event) {
    if (draft.declaredEventAggregates.containsKey(event.name())) {
      return event;
    }
    TreeSet<String> fromCommands = new TreeSet<>();
    List<String> emitters = new ArrayList<>();
    for (CommandDef command : draft.commands.values()) {
      if (command.emits().stream().anyMatch(r -> r.name().equals(event.name()))
          && draft.aggregates.containsKey(command.aggregate())) {
        fromCommands.add(command.aggregate());
        emitters.add(command.name() + " (" + command.aggregate() + ")");
      }
    }
    String aggregate = "";
    if (fromCommands.size() == 1) {
      aggregate = fromCommands.first();
    } else if (fromCommands.size() > 1) {
      diagnostics.report(DiagnosticCode.AMBIGUOUS_EVENT_AGGREGATE, event.position(),
          "event '" + event.name() + "' is emitted by commands of several aggregates: " + String.join(", ", emitters),
          "An event belongs to one aggregate's stream: give it 'aggregate:' and emit it only from that aggregate's "
              + "commands, or split it into one event per aggregate.");
    } else if (draft.aggregates.size() == 1) {
      aggregate = draft.aggregates.keySet().iterator().next();
    } else if (emitterIsMisspelt(event) || draft.aggregatesUnreadable) {
      // A command's 'emits' misses this event by a typo, or a command lost its 'emits': those
      // errors name the real mistake; "add aggregate:" here would send the reader the wrong way.
      aggregate = "";
    } else {
      diagnostics.report(DiagnosticCode.UNDETERMINED_EVENT_AGGREGATE, event.position(),
          "no command emits event '" + event.name() + "', so its aggregate cannot be inferred"
              + (draft.aggregates.isEmpty() ? " (the model declares no aggregate)" : ""),
          draft.aggregates.isEmpty()
              ? "Declare the aggregate under 'aggregates:', e.g. Cart: { id: cartId }."
              : "Add 'aggregate: <name>' to the event (one of " + String.join(", ", draft.aggregates.keySet()) + ").");
    }
    return new EventDef(event.name(), event.storedName(), event.version(), aggregate, event.fields(), event.upcasts(),
        event.position(), event.storedVersions(), event.tags());
  }

  private Optional<SpecDef> resolve(ModelDraft.SpecDraft spec) {
    String subject = spec.subject().name();
    SpecDef.SubjectKind kind;
    if (draft.commands.containsKey(subject)) {
      kind = SpecDef.SubjectKind.COMMAND;
    } else if (draft.views.containsKey(subject)) {
      kind = SpecDef.SubjectKind.VIEW;
    } else if (draft.automations.containsKey(subject)) {
      kind = SpecDef.SubjectKind.AUTOMATION;
    } else if (draft.processes.containsKey(subject)) {
      kind = SpecDef.SubjectKind.PROCESS;
    } else {
      List<String> subjects = new ArrayList<>(draft.commands.keySet());
      subjects.addAll(draft.views.keySet());
      subjects.addAll(draft.automations.keySet());
      subjects.addAll(draft.processes.keySet());
      diagnostics.report(DiagnosticCode.UNKNOWN_SPEC_SUBJECT, spec.subject().position(),
          "specs are filed under '" + subject + "', which is not a command, view, automation or process"
              + DidYouMean.suffix(subject, subjects),
          "File specs under the name of the command, view, automation or process they describe.");
      return Optional.empty();
    }
    if (kind != SpecDef.SubjectKind.PROCESS && !processStepsOutside(spec)) {
      return Optional.empty();
    }
    return outcome(spec, kind).map(then ->
        new SpecDef(spec.subject(), kind, spec.name(), spec.given(), spec.when(), then, spec.position()));
  }

  /** Whether a spec of a command, view or automation is free of the steps only process specs have; reports them. */
  private boolean processStepsOutside(ModelDraft.SpecDraft spec) {
    List<dev.eventsmith.spec.model.Message> steps = new ArrayList<>(spec.given());
    spec.when().ifPresent(steps::add);
    boolean clean = true;
    for (dev.eventsmith.spec.model.Message step : steps) {
      if (step.type().equals(SpecDef.AFTER)) {
        diagnostics.report(DiagnosticCode.PROCESS_SPEC_STEP, step.position(),
            "spec '" + spec.name() + "' lets time pass, but only process specs know time",
            "Remove '{ after: ... }', or file the spec under a process.");
        clean = false;
      }
    }
    if (spec.whenRejected().isPresent()) {
      diagnostics.report(DiagnosticCode.PROCESS_SPEC_STEP, spec.whenRejected().get().position(),
          "spec '" + spec.name() + "' gives a rejected command as 'when', but only a process is told of rejections",
          "File the spec under the process that issued the command, or write 'when: { Command: { ... } }' alone.");
      clean = false;
    }
    return clean;
  }

  private Optional<SpecDef.Outcome> outcome(ModelDraft.SpecDraft spec, SpecDef.SubjectKind kind) {
    ModelDraft.RawThen then = spec.then();
    if (kind == SpecDef.SubjectKind.PROCESS) {
      if (then instanceof ModelDraft.ThenReaction r) {
        return Optional.of(new SpecDef.ThenReaction(spec.whenRejected(), r.issues(), r.schedules(), r.cancels(),
            r.ended(), r.position()));
      }
      return wrongShape(spec, "the process '" + spec.subject().name() + "'",
          "what it does, 'then: { issues: [ { Command: { ... } } ], schedules: { deadline: PT1H }, cancels: [deadline],"
              + " ended: true }' (each key optional; 'issues', 'schedules' and 'cancels' left out mean none)");
    }
    if (kind == SpecDef.SubjectKind.COMMAND) {
      if (then instanceof ModelDraft.ThenList list) {
        return Optional.of(new SpecDef.ThenEvents(list.messages(), list.position()));
      }
      if (then instanceof ModelDraft.ThenRejected rejected) {
        return Optional.of(new SpecDef.ThenRejected(rejected.rejection(), rejected.position()));
      }
      return wrongShape(spec, "the command '" + spec.subject().name() + "'",
          "a list of the events it emits ('then: [ { Event: { ... } } ]', or '[]' for none) or 'then: { rejected: Name }'");
    }
    if (kind == SpecDef.SubjectKind.VIEW) {
      if (then instanceof ModelDraft.ThenOne one) {
        return Optional.of(new SpecDef.ThenView(one.message(), one.position()));
      }
      if (then instanceof ModelDraft.ThenList list) {
        return Optional.of(new SpecDef.ThenRows(list.messages(), true, list.position()));
      }
      if (then instanceof ModelDraft.ThenIncludes includes) {
        return Optional.of(new SpecDef.ThenRows(includes.rows(), false, includes.position()));
      }
      return wrongShape(spec, "the view '" + spec.subject().name() + "'",
          "the expected row, 'then: { " + spec.subject().name() + ": { field: value } }', exactly these rows, "
              + "'then: [ { " + spec.subject().name() + ": { ... } } ]', or some rows among others, "
              + "'then: { includes: [ ... ] }'");
    }
    if (then instanceof ModelDraft.ThenList list) {
      return Optional.of(new SpecDef.ThenCommands(list.messages(), list.position()));
    }
    return wrongShape(spec, "the automation '" + spec.subject().name() + "'",
        "a list of the commands it issues ('then: [ { Command: { ... } } ]', or '[]' for none)");
  }

  private Optional<SpecDef.Outcome> wrongShape(ModelDraft.SpecDraft spec, String subject, String expected) {
    diagnostics.report(DiagnosticCode.THEN_SHAPE, spec.then().position(),
        "'then' of spec '" + spec.name() + "' does not fit " + subject,
        "For " + subject + ", 'then' is " + expected + ".");
    return Optional.empty();
  }
}
