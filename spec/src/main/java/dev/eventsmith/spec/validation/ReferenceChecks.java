package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every name that refers to another element must name one that exists, once, of the right aggregate. */
final class ReferenceChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;
  private final List<String> eventNames;
  private final List<String> commandNames;

  ReferenceChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
    this.eventNames = model.events().stream().map(EventDef::name).toList();
    this.commandNames = model.commands().stream().map(CommandDef::name).toList();
  }

  void run() {
    model.commands().forEach(this::emits);
    model.views().forEach(this::from);
    model.automations().forEach(this::automation);
    rejections();
  }

  private void emits(CommandDef command) {
    String what = "command '" + command.name() + "'";
    noRepeats(command.emits(), "'emits' of " + what);
    for (Reference emitted : command.emits()) {
      Optional<EventDef> event = model.event(emitted.name());
      if (event.isEmpty()) {
        diagnostics.report(DiagnosticCode.UNKNOWN_EMITTED_EVENT, emitted.position(),
            what + " emits unknown event '" + emitted.name() + "'" + DidYouMean.suffix(emitted.name(), eventNames),
            "Declare the event under 'events:' or correct the name in 'emits'.");
      } else if (!event.get().aggregate().isEmpty() && !command.aggregate().isEmpty()
          && !event.get().aggregate().equals(command.aggregate())) {
        diagnostics.report(DiagnosticCode.FOREIGN_EMITTED_EVENT, emitted.position(),
            what + " of aggregate '" + command.aggregate() + "' emits event '" + emitted.name()
                + "', which belongs to aggregate '" + event.get().aggregate() + "'",
            "A command may emit only events of its own aggregate's stream; emit an event of '" + command.aggregate()
                + "' or use an automation to react across aggregates.");
      }
    }
  }

  private void from(ViewDef view) {
    String what = "view '" + view.name() + "'";
    noRepeats(view.from(), "'from' of " + what);
    for (Reference source : view.from()) {
      if (model.event(source.name()).isEmpty()) {
        diagnostics.report(DiagnosticCode.UNKNOWN_VIEW_EVENT, source.position(),
            what + " is built from unknown event '" + source.name() + "'" + DidYouMean.suffix(source.name(), eventNames),
            "Declare the event under 'events:' or correct the name in 'from'.");
      }
    }
  }

  private void automation(AutomationDef automation) {
    String what = "automation '" + automation.name() + "'";
    Reference on = automation.on();
    if (model.event(on.name()).isEmpty() && model.view(on.name()).isEmpty()) {
      List<String> triggers = new ArrayList<>(eventNames);
      model.views().forEach(v -> triggers.add(v.name()));
      diagnostics.report(DiagnosticCode.UNKNOWN_TRIGGER_EVENT, on.position(),
          what + " listens to unknown event or view '" + on.name() + "'" + DidYouMean.suffix(on.name(), triggers),
          "Name in 'on' an event declared under 'events:' (react when it is recorded) or a view declared under"
              + " 'views:' (react when one of its rows changes).");
    }
    noRepeats(automation.issues(), "'issues' of " + what);
    for (Reference issued : automation.issues()) {
      if (model.command(issued.name()).isEmpty()) {
        diagnostics.report(DiagnosticCode.UNKNOWN_ISSUED_COMMAND, issued.position(),
            what + " issues unknown command '" + issued.name() + "'" + DidYouMean.suffix(issued.name(), commandNames),
            "Declare the command under 'commands:' or correct the name in 'issues'.");
      }
    }
  }

  /** Commands of one aggregate may share a rejection type only if it is the same type. */
  private void rejections() {
    Map<String, CommandDef> firstCommand = new HashMap<>();
    Map<String, RejectionDef> first = new HashMap<>();
    for (CommandDef command : model.commands()) {
      noRepeats(command.rejects().stream().map(r -> new Reference(r.name(), r.position())).toList(),
          "'rejects' of command '" + command.name() + "'");
      for (RejectionDef rejection : command.rejects()) {
        RejectionDef earlier = first.putIfAbsent(rejection.name(), rejection);
        if (earlier == null) {
          firstCommand.put(rejection.name(), command);
          continue;
        }
        CommandDef other = firstCommand.get(rejection.name());
        if (other == command) {
          continue;
        }
        if (!other.aggregate().equals(command.aggregate())) {
          diagnostics.report(DiagnosticCode.CONFLICTING_REJECTION, rejection.position(),
              "rejection '" + rejection.name() + "' of command '" + command.name() + "' (aggregate '" + command.aggregate()
                  + "') is also declared by command '" + other.name() + "' of aggregate '" + other.aggregate() + "'",
              "Rejections belong to one aggregate; give this one a name of its own.");
        } else if (!sameFields(earlier.fields(), rejection.fields())) {
          diagnostics.report(DiagnosticCode.CONFLICTING_REJECTION, rejection.position(),
              "rejection '" + rejection.name() + "' of command '" + command.name() + "' has other fields than the one of command '"
                  + other.name() + "' at " + earlier.position(),
              "A shared rejection is one type: give it the same fields in every command, or give it another name.");
        }
      }
    }
  }

  private static boolean sameFields(List<Field> a, List<Field> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Field x = a.get(i);
      Field y = b.get(i);
      if (!x.name().equals(y.name()) || !x.type().equals(y.type()) || !x.constraints().equals(y.constraints())) {
        return false;
      }
    }
    return true;
  }

  private void noRepeats(List<Reference> references, String where) {
    Set<String> seen = new HashSet<>();
    for (Reference reference : references) {
      if (!seen.add(reference.name())) {
        diagnostics.report(DiagnosticCode.DUPLICATE_REFERENCE, reference.position(),
            "'" + reference.name() + "' is listed twice in " + where, "Remove the second '" + reference.name() + "'.");
      }
    }
  }
}
