package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.ViewDef;
import dev.eventsmith.spec.typing.TypingProblem;
import dev.eventsmith.spec.typing.ValueTyper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each given/when/then must name the right kind of message for its subject, with values that fit. */
final class SpecChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;
  private final List<String> eventNames;

  SpecChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
    this.eventNames = model.events().stream().map(EventDef::name).toList();
  }

  void run() {
    Map<String, SpecDef> seen = new HashMap<>();
    for (SpecDef spec : model.specs()) {
      SpecDef first = seen.putIfAbsent(spec.subject().name() + "\n" + spec.name(), spec);
      if (first != null) {
        diagnostics.report(DiagnosticCode.DUPLICATE_SPEC_NAME, spec.position(),
            "'" + spec.subject().name() + "' has two specs named '" + spec.name() + "' (the other at " + first.position() + ")",
            "Give each spec its own name; it becomes the name of a test method.");
      }
      SymbolTable symbols = new SymbolTable(spec, diagnostics);
      switch (spec.kind()) {
        case COMMAND:
          model.command(spec.subject().name()).ifPresent(c -> command(spec, c, symbols));
          break;
        case VIEW:
          model.view(spec.subject().name()).ifPresent(v -> view(spec, v, symbols));
          break;
        case AUTOMATION:
          model.automation(spec.subject().name()).ifPresent(a -> automation(spec, a, symbols));
          break;
        case PROCESS:
          model.process(spec.subject().name()).ifPresent(p -> process(spec, p, symbols));
          break;
        default:
          throw new IllegalStateException("unhandled spec kind " + spec.kind());
      }
    }
  }

  private void command(SpecDef spec, CommandDef command, SymbolTable symbols) {
    for (Message given : spec.given()) {
      givenEvent(spec, given, symbols).ifPresent(event -> {
        // An unknown or missing command aggregate is reported elsewhere; comparing with it would only add noise.
        // A decision across streams reads events of any aggregate: those its query does not match are ignored.
        if (!command.decidesAcrossStreams() && !event.aggregate().isEmpty()
            && model.aggregate(command.aggregate()).isPresent()
            && !event.aggregate().equals(command.aggregate())) {
          diagnostics.report(DiagnosticCode.GIVEN_EVENT_OF_OTHER_AGGREGATE, given.position(),
              "spec '" + spec.name() + "' gives event '" + event.name() + "' of aggregate '" + event.aggregate()
                  + "', but command '" + command.name() + "' is decided by aggregate '" + command.aggregate() + "'",
              "'given' of a command spec lists the history of the command's own stream; use events of '"
                  + command.aggregate() + "' only.");
        }
      });
    }
    if (spec.when().isEmpty()) {
      diagnostics.report(DiagnosticCode.WHEN_MISMATCH, spec.position(),
          "spec '" + spec.name() + "' of command '" + command.name() + "' has no 'when'",
          "Add 'when: { " + command.name() + ": { ... } }' with the command to decide.");
    } else {
      Message when = spec.when().get();
      if (!when.type().equals(command.name())) {
        diagnostics.report(DiagnosticCode.WHEN_MISMATCH, when.position(),
            "spec '" + spec.name() + "' is filed under command '" + command.name() + "' but its 'when' is '" + when.type() + "'",
            "Write 'when: { " + command.name() + ": { ... } }', or file the spec under '" + when.type() + "'.");
      } else {
        typed(when, command.fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
      }
    }
    if (spec.then() instanceof SpecDef.ThenEvents events) {
      for (Message expected : events.events()) {
        Optional<EventDef> event = known(expected, "event", eventNames, model.event(expected.type()));
        if (event.isEmpty()) {
          continue;
        }
        // With a misspelt entry in 'emits' (ESM-0103), that entry is the likelier culprit: stay quiet.
        boolean emitsAreKnown = command.emits().stream().allMatch(r -> model.event(r.name()).isPresent());
        if (emitsAreKnown && command.emits().stream().noneMatch(r -> r.name().equals(expected.type()))) {
          diagnostics.report(DiagnosticCode.THEN_EVENT_NOT_EMITTED, expected.position(),
              "spec '" + spec.name() + "' expects event '" + expected.type() + "', which command '" + command.name()
                  + "' does not emit",
              command.emits().isEmpty()
                  ? "Add '" + expected.type() + "' to 'emits' of '" + command.name() + "'."
                  : "Add '" + expected.type() + "' to 'emits' of '" + command.name() + "', or expect one of: "
                      + names(command.emits()) + ".");
        }
        typed(expected, event.get().fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
      }
    } else if (spec.then() instanceof SpecDef.ThenRejected rejected) {
      rejection(spec, command, rejected.rejection(), symbols);
    }
  }

  private void rejection(SpecDef spec, CommandDef command, Message rejection, SymbolTable symbols) {
    Optional<RejectionDef> declared = command.rejects().stream().filter(r -> r.name().equals(rejection.type())).findFirst();
    if (declared.isEmpty()) {
      List<String> names = command.rejects().stream().map(RejectionDef::name).toList();
      diagnostics.report(DiagnosticCode.REJECTION_NOT_DECLARED, rejection.position(),
          "spec '" + spec.name() + "' expects rejection '" + rejection.type() + "', which command '" + command.name()
              + "' does not declare" + DidYouMean.suffix(rejection.type(), names),
          names.isEmpty()
              ? "Declare it under 'rejects:' of '" + command.name() + "'."
              : "Declare it under 'rejects:' of '" + command.name() + "', or expect one of: " + String.join(", ", names) + ".");
      return;
    }
    // Written without values, a rejection is compared by type only; with values, every field is compared.
    if (!rejection.values().isEmpty()) {
      typed(rejection, declared.get().fields(), symbols, DiagnosticCode.PARTIAL_REJECTION_FIELDS);
    }
  }

  private void view(SpecDef spec, ViewDef view, SymbolTable symbols) {
    noWhen(spec, "view");
    spec.given().forEach(given -> givenEvent(spec, given, symbols));
    if (spec.then() instanceof SpecDef.ThenView then) {
      Message row = then.view();
      if (!row.type().equals(view.name())) {
        diagnostics.report(DiagnosticCode.THEN_SHAPE, row.position(),
            "spec '" + spec.name() + "' of view '" + view.name() + "' expects a row of '" + row.type() + "'",
            "Write 'then: { " + view.name() + ": { ... } }' with the expected row of the view.");
      } else {
        typed(row, view.fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
      }
    } else if (spec.then() instanceof SpecDef.ThenRows then) {
      Map<String, SourcePosition> keys = new HashMap<>();
      for (Message row : then.rows()) {
        if (!row.type().equals(view.name())) {
          diagnostics.report(DiagnosticCode.THEN_SHAPE, row.position(),
              "spec '" + spec.name() + "' of view '" + view.name() + "' expects a row of '" + row.type() + "'",
              "Each expected row is written '{ " + view.name() + ": { ... } }'.");
          continue;
        }
        typed(row, view.fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
        String key = view.singleRow() ? "" : keyText(row.values().get(view.key()));
        SourcePosition first = key == null ? null : keys.putIfAbsent(key, row.position());
        if (first != null) {
          diagnostics.report(DiagnosticCode.DUPLICATE_EXPECTED_ROW, row.position(),
              "spec '" + spec.name() + "' expects two rows of view '" + view.name() + "' with "
                  + (view.singleRow() ? "the one key of a single-row view" : "the key " + key)
                  + "; the first is at " + first,
              view.singleRow()
                  ? "A single-row view has one row: expect it once."
                  : "A view has one row per key: merge the two rows, or give one of them another '" + view.key() + "'.");
        }
      }
    }
  }

  /** The key as written, so that two rows written with one key are caught; null if not comparable. */
  private static String keyText(SpecValue value) {
    if (value instanceof SpecValue.Scalar scalar) {
      return scalar.text();
    }
    if (value instanceof SpecValue.Symbol symbol) {
      return "$" + symbol.name();
    }
    return null;
  }

  private void automation(SpecDef spec, AutomationDef automation, SymbolTable symbols) {
    noWhen(spec, "automation");
    spec.given().forEach(given -> givenEvent(spec, given, symbols));
    if (spec.then() instanceof SpecDef.ThenCommands then) {
      List<String> commandNames = model.commands().stream().map(CommandDef::name).toList();
      for (Message issued : then.commands()) {
        Optional<CommandDef> command = known(issued, "command", commandNames, model.command(issued.type()));
        if (command.isEmpty()) {
          continue;
        }
        boolean issuesAreKnown = automation.issues().stream().allMatch(r -> model.command(r.name()).isPresent());
        if (issuesAreKnown && automation.issues().stream().noneMatch(r -> r.name().equals(issued.type()))) {
          diagnostics.report(DiagnosticCode.THEN_COMMAND_NOT_ISSUED, issued.position(),
              "spec '" + spec.name() + "' expects command '" + issued.type() + "', which automation '" + automation.name()
                  + "' does not issue",
              automation.issues().isEmpty()
                  ? "Add '" + issued.type() + "' to 'issues' of '" + automation.name() + "'."
                  : "Add '" + issued.type() + "' to 'issues' of '" + automation.name() + "', or expect one of: "
                  + names(automation.issues()) + ".");
        }
        typed(issued, command.get().fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
      }
    }
  }

  private void process(SpecDef spec, dev.eventsmith.spec.model.ProcessDef process, SymbolTable symbols) {
    String what = "process '" + process.name() + "'";
    List<String> handled = process.handled().stream().map(Reference::name).toList();
    List<Message> steps = new ArrayList<>(spec.given());
    SpecDef.ThenReaction then = (SpecDef.ThenReaction) spec.then();
    if (spec.when().isEmpty()) {
      diagnostics.report(DiagnosticCode.WHEN_MISMATCH, spec.position(),
          "spec '" + spec.name() + "' of " + what + " has no 'when'",
          "Add the step whose reaction 'then' describes: 'when: { Event: { ... } }', 'when: { after: PT1H }' or "
              + "'when: { Command: { ... }, rejected: Rejection }'.");
    } else if (then.rejection().isEmpty()) {
      steps.add(spec.when().get());
    } else {
      Message command = spec.when().get();
      Optional<CommandDef> def = model.command(command.type());
      if (process.issues().stream().noneMatch(r -> r.name().equals(command.type()))) {
        notOfTheProcess(command, "command '" + command.type() + "'", what + " does not issue",
            "Give in 'when' with 'rejected' a command listed in 'issues' of " + what + ": "
                + names(process.issues()) + ".");
      } else if (def.isPresent()) {
        typed(command, def.get().fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
        Message rejected = then.rejection().get();
        Optional<RejectionDef> declared = def.get().rejects().stream()
            .filter(r -> r.name().equals(rejected.type())).findFirst();
        if (declared.isEmpty()) {
          rejection(spec, def.get(), rejected, symbols);
        } else {
          // The process is handed a rejection value: every field is needed.
          typed(rejected, declared.get().fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
        }
      }
    }
    for (Message step : steps) {
      if (step.type().equals(SpecDef.AFTER)) {
        SpecValue time = step.values().get(SpecDef.AFTER);
        time(time instanceof SpecValue.Scalar s ? s.text() : String.valueOf(time), step.position());
        continue;
      }
      Optional<EventDef> event = givenEvent(spec, step, symbols);
      if (event.isPresent() && !handled.contains(step.type())) {
        notOfTheProcess(step, "event '" + step.type() + "'", what + " does not handle",
            "Give only events of 'startedBy', 'handles' or 'endsOn' of " + what + ": " + String.join(", ", handled)
                + ".");
      }
    }
    List<String> commandNames = model.commands().stream().map(CommandDef::name).toList();
    for (Message issued : then.issues()) {
      Optional<CommandDef> command = known(issued, "command", commandNames, model.command(issued.type()));
      if (command.isEmpty()) {
        continue;
      }
      if (process.issues().stream().noneMatch(r -> r.name().equals(issued.type()))) {
        notOfTheProcess(issued, "command '" + issued.type() + "'", what + " does not issue",
            "Expect only commands listed in 'issues' of " + what + ", or add '" + issued.type() + "' there.");
      }
      typed(issued, command.get().fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
    }
    List<String> deadlines = process.deadlines().stream().map(dev.eventsmith.spec.model.ProcessDef.Deadline::name)
        .toList();
    for (dev.eventsmith.spec.model.ProcessDef.Deadline scheduled : then.schedules()) {
      deadline(scheduled.name(), scheduled.position(), deadlines, what);
      time(scheduled.after(), scheduled.position());
    }
    for (Reference cancelled : then.cancels()) {
      deadline(cancelled.name(), cancelled.position(), deadlines, what);
    }
  }

  private void notOfTheProcess(Message message, String thing, String problem, String hint) {
    diagnostics.report(DiagnosticCode.NOT_OF_THE_PROCESS, message.position(), thing + " is one " + problem, hint);
  }

  private void deadline(String name, SourcePosition position, List<String> deadlines, String what) {
    if (!deadlines.contains(name)) {
      diagnostics.report(DiagnosticCode.NOT_OF_THE_PROCESS, position,
          "'" + name + "' is not a deadline of " + what + DidYouMean.suffix(name, deadlines),
          deadlines.isEmpty() ? "Declare it under 'deadlines' of the process, e.g. " + name + ": PT1H."
              : "Name one of its deadlines: " + String.join(", ", deadlines) + ".");
    }
  }

  private void time(String text, SourcePosition position) {
    Optional<java.time.Duration> duration = ProcessChecks.duration(text);
    if (duration.isEmpty() || duration.get().isNegative() || duration.get().isZero()) {
      diagnostics.report(DiagnosticCode.SPEC_TIME, position,
          "'" + text + "' is not " + (duration.isEmpty() ? "an ISO-8601 duration" : "a positive duration"),
          "Write how much time passes, or how long after now a deadline falls due, as PT30M, PT1H or P2D.");
    }
  }

  private void noWhen(SpecDef spec, String kind) {
    spec.when().ifPresent(when -> diagnostics.report(DiagnosticCode.WHEN_MISMATCH, when.position(),
        "spec '" + spec.name() + "' of " + kind + " '" + spec.subject().name() + "' has a 'when', but only command specs have one",
        "Remove 'when'; a " + kind + " spec lists events in 'given' and the expected outcome in 'then'."));
  }

  private Optional<EventDef> givenEvent(SpecDef spec, Message given, SymbolTable symbols) {
    Optional<EventDef> event = known(given, "event", eventNames, model.event(given.type()));
    event.ifPresent(e -> {
      if (!given.hasStoredVersion()) {
        typed(given, e.fields(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
        return;
      }
      Optional<List<Field>> fields = e.fieldsAt(given.storedVersion());
      if (fields.isPresent()) {
        typed(given, fields.get(), symbols, DiagnosticCode.MISSING_SPEC_FIELD);
        return;
      }
      List<String> declared = e.storedVersions().stream().map(v -> String.valueOf(v.version())).toList();
      diagnostics.report(DiagnosticCode.UNDECLARED_STORED_VERSION, given.position(),
          "spec '" + spec.name() + "' gives event '" + e.name() + "' at version " + given.storedVersion()
              + ", but the model declares " + (declared.isEmpty() ? "no older version" : "the fields of version"
                  + (declared.size() > 1 ? "s " : " ") + String.join(", ", declared)) + " (current: " + e.version() + ")",
          given.storedVersion() < e.version()
              ? "Declare the fields the event had then: 'versions: { " + given.storedVersion()
                  + ": { fields: { ... } } }' under event '" + e.name() + "'."
              : "Write a version below " + e.version() + ", or leave out '@" + given.storedVersion()
                  + "' for the current version.");
    });
    return event;
  }

  private <T> Optional<T> known(Message message, String kind, List<String> names, Optional<T> found) {
    if (found.isEmpty()) {
      diagnostics.report(DiagnosticCode.UNKNOWN_SPEC_MESSAGE, message.position(),
          "'" + message.type() + "' is not a known " + kind + DidYouMean.suffix(message.type(), names),
          "Name a " + kind + " declared in the model, or declare '" + message.type() + "'.");
    }
    return found;
  }

  /** Types the message and reports its problems; a missing field is reported with {@code missingCode}. */
  private void typed(Message message, List<Field> fields, SymbolTable symbols, DiagnosticCode missingCode) {
    ValueTyper.MessageResult result = ValueTyper.typeMessage(message, fields, model);
    for (TypingProblem p : result.problems()) {
      if (p.kind() == TypingProblem.Kind.UNKNOWN_TYPE) {
        continue; // already reported as ESM-0105 where the field is declared
      }
      DiagnosticCode code;
      String text = p.message();
      String hint = p.hint();
      switch (p.kind()) {
        case UNKNOWN_FIELD:
          code = DiagnosticCode.UNKNOWN_SPEC_FIELD;
          break;
        case MISSING_FIELD:
          code = missingCode;
          if (missingCode == DiagnosticCode.PARTIAL_REJECTION_FIELDS) {
            text = text + "; a rejection is written with all of its fields or with none";
            hint = "Write every field of '" + message.type() + "', or write only 'rejected: " + message.type() + "'.";
          }
          break;
        default:
          code = DiagnosticCode.VALUE_DOES_NOT_FIT;
      }
      diagnostics.report(code, p.position(), text, hint);
    }
    symbols.record(message, fields);
  }

  private static String names(List<Reference> references) {
    return String.join(", ", references.stream().map(Reference::name).toList());
  }

  /** A symbol is one value per spec, so it must stand for one type throughout the spec. */
  private static final class SymbolTable {
    private final SpecDef spec;
    private final Diagnostics diagnostics;
    private final Map<String, Map.Entry<String, SourcePosition>> typeOfSymbol = new HashMap<>();

    SymbolTable(SpecDef spec, Diagnostics diagnostics) {
      this.spec = spec;
      this.diagnostics = diagnostics;
    }

    void record(Message message, List<Field> fields) {
      for (Field field : fields) {
        if (message.values().get(field.name()) instanceof dev.eventsmith.spec.model.SpecValue.Symbol symbol) {
          String type = TypeChecks.innermost(field.type()).toString();
          Map.Entry<String, SourcePosition> first = typeOfSymbol.putIfAbsent(symbol.name(), Map.entry(type, symbol.position()));
          if (first != null && !first.getKey().equals(type)) {
            diagnostics.report(DiagnosticCode.VALUE_DOES_NOT_FIT, symbol.position(),
                "in spec '" + spec.name() + "', $" + symbol.name() + " fills a " + type + " field here but a "
                    + first.getKey() + " field at " + first.getValue(),
                "A symbol is one value throughout a spec; use another symbol for the " + type + " field.");
          }
        }
      }
    }
  }
}
