package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.ProcessDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.TypeRef;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A process's key is in its state and in every event it handles, with one type a key can have; it
 * handles known events, issues known commands, names its deadlines with identifiers and ISO-8601
 * durations, and compensates only for rejections of commands it issues.
 */
final class ProcessChecks {
  /** Key types whose text form the runner's instance key turns back into the value. */
  private static final Set<BuiltinType> KEY_TYPES =
      Set.of(BuiltinType.STRING, BuiltinType.UUID, BuiltinType.INT, BuiltinType.LONG);

  private final EventModel model;
  private final Diagnostics diagnostics;

  ProcessChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    model.processes().forEach(this::process);
  }

  private void process(ProcessDef process) {
    String what = "process '" + process.name() + "'";
    if (process.startedBy().isEmpty()) {
      diagnostics.report(DiagnosticCode.PROCESS_NOT_STARTED, process.position(), what + " is started by no event",
          "List the events that start an instance, e.g. startedBy: [TransferRequested].");
    }
    for (String list : List.of("startedBy", "handles", "endsOn")) {
      List<Reference> references = switch (list) {
        case "startedBy" -> process.startedBy();
        case "handles" -> process.handles();
        default -> process.endsOn();
      };
      noRepeats(references, "'" + list + "' of " + what);
      for (Reference event : references) {
        if (model.event(event.name()).isEmpty()) {
          diagnostics.report(DiagnosticCode.UNKNOWN_PROCESS_EVENT, event.position(),
              what + " names unknown event '" + event.name() + "' in '" + list + "'"
                  + DidYouMean.suffix(event.name(), model.events().stream().map(EventDef::name).toList()),
              "Declare the event under 'events:' or correct the name in '" + list + "'.");
        }
      }
    }
    noRepeats(process.issues(), "'issues' of " + what);
    for (Reference command : process.issues()) {
      if (model.command(command.name()).isEmpty()) {
        diagnostics.report(DiagnosticCode.UNKNOWN_PROCESS_COMMAND, command.position(),
            what + " issues unknown command '" + command.name() + "'"
                + DidYouMean.suffix(command.name(), model.commands().stream().map(CommandDef::name).toList()),
            "Declare the command under 'commands:' or correct the name in 'issues'.");
      }
    }
    key(process, what);
    deadlines(process, what);
    compensations(process, what);
  }

  private void key(ProcessDef process, String what) {
    if (process.key().isEmpty()) {
      return; // 'key' missing: already reported by the reader
    }
    Optional<Field> key = process.keyField();
    if (key.isEmpty()) {
      diagnostics.report(DiagnosticCode.PROCESS_KEY_MISSING, process.position(),
          what + " has the key '" + process.key() + "', which is not one of its fields",
          "Add '" + process.key() + "' to the fields of the process (its state), with the type it has in the events.");
      return;
    }
    TypeRef type = key.get().type();
    if (!(type instanceof TypeRef.Builtin builtin && KEY_TYPES.contains(builtin.type()))) {
      diagnostics.report(DiagnosticCode.PROCESS_KEY_TYPE, key.get().position(),
          "the key '" + process.key() + "' of " + what + " has the type " + type
              + ", which cannot identify a process instance",
          "Give the key one of the types string, uuid, int or long, in the process and in its events.");
      return;
    }
    List<String> handled = process.handled().stream().map(Reference::name).toList();
    for (Map.Entry<String, Reference> source : process.keyFrom().entrySet()) {
      if (!handled.contains(source.getKey())) {
        diagnostics.report(DiagnosticCode.PROCESS_KEY_SOURCE, source.getValue().position(),
            "'keyFrom' of " + what + " names '" + source.getKey() + "', an event the process does not handle"
                + DidYouMean.suffix(source.getKey(), handled),
            "Name in 'keyFrom' only events listed in 'startedBy', 'handles' or 'endsOn'.");
      }
    }
    for (Reference handledEvent : process.handled()) {
      Optional<EventDef> event = model.event(handledEvent.name());
      if (event.isEmpty()) {
        continue;
      }
      String field = process.keyFieldOf(handledEvent.name());
      Optional<Field> carried = Fields.named(event.get().fields(), field);
      if (carried.isEmpty()) {
        diagnostics.report(DiagnosticCode.PROCESS_KEY_MISSING, handledEvent.position(),
            "event '" + handledEvent.name() + "', handled by " + what + ", has no field '" + field
                + "' to find its instance by",
            "Add '" + field + ": " + type + "' to the event, or name the field that holds the key with "
                + "'keyFrom: { " + handledEvent.name() + ": <field> }'.");
      } else if (!carried.get().type().equals(type)) {
        diagnostics.report(DiagnosticCode.PROCESS_KEY_TYPE, handledEvent.position(),
            "event '" + handledEvent.name() + "' holds the key of " + what + " in '" + field + "' of type "
                + carried.get().type().toString() + ", but the key '" + process.key() + "' is " + type,
            "Give '" + field + "' of the event the type " + type + ".");
      }
    }
  }

  private void deadlines(ProcessDef process, String what) {
    List<String> names = process.deadlines().stream().map(ProcessDef.Deadline::name).toList();
    for (ProcessDef.Deadline deadline : process.deadlines()) {
      if (deadline.name().endsWith("After") && names.contains(deadline.name().substring(0,
          deadline.name().length() - "After".length()))) {
        diagnostics.report(DiagnosticCode.INVALID_DEADLINE, deadline.position(),
            "the deadline '" + deadline.name() + "' of " + what + " takes the name of the constant that holds the "
                + "default duration of '" + deadline.name().substring(0, deadline.name().length() - 5) + "'",
            "Rename one of the two deadlines; the contract names each deadline's duration <NAME>_AFTER.");
      }
      if (!JavaNames.isMemberName(deadline.name()) || JavaNames.isReserved(deadline.name())
          || SafeAlphabet.firstOutside(deadline.name(), false).isPresent()) {
        diagnostics.report(DiagnosticCode.INVALID_DEADLINE, deadline.position(),
            "the deadline '" + deadline.name() + "' of " + what + " is not a lowerCamel Java identifier",
            "Name deadlines like fields, with ASCII letters and digits, e.g. expire or paymentDue.");
      }
      Optional<Duration> after = duration(deadline.after());
      if (after.isEmpty()) {
        diagnostics.report(DiagnosticCode.INVALID_DEADLINE, deadline.position(),
            "the deadline '" + deadline.name() + "' of " + what + " falls due after '" + deadline.after()
                + "', which is not an ISO-8601 duration",
            "Write a duration such as PT30M, PT1H or P2D (days, hours, minutes, seconds; no months or years).");
      } else if (after.get().isNegative() || after.get().isZero()) {
        diagnostics.report(DiagnosticCode.INVALID_DEADLINE, deadline.position(),
            "the deadline '" + deadline.name() + "' of " + what + " falls due after " + deadline.after()
                + ", which is not after the moment it is scheduled",
            "Give a positive duration, e.g. PT1H.");
      }
    }
  }

  /** The duration written {@code text}, if it is an ISO-8601 duration Java reads. */
  static Optional<Duration> duration(String text) {
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void compensations(ProcessDef process, String what) {
    List<String> issued = process.issues().stream().map(Reference::name).toList();
    for (ProcessDef.Compensation compensation : process.onRejected()) {
      Reference command = compensation.command();
      if (!issued.contains(command.name())) {
        diagnostics.report(DiagnosticCode.COMPENSATION_NOT_POSSIBLE, command.position(),
            what + " compensates for rejections of '" + command.name() + "', a command it does not issue"
                + DidYouMean.suffix(command.name(), issued),
            "Name in 'onRejected' only commands listed in 'issues', or add '" + command.name() + "' to 'issues'.");
        continue;
      }
      Optional<CommandDef> def = model.command(command.name());
      if (def.isEmpty()) {
        continue;
      }
      List<String> declared = def.get().rejects().stream().map(RejectionDef::name).toList();
      noRepeats(compensation.rejections(), "the rejections of '" + command.name() + "' in 'onRejected' of " + what);
      if (compensation.rejections().isEmpty()) {
        diagnostics.report(DiagnosticCode.COMPENSATION_NOT_POSSIBLE, command.position(),
            what + " lists no rejection of '" + command.name() + "' to compensate for",
            declared.isEmpty() ? "The command declares no rejection: remove it from 'onRejected'."
                : "List the rejections to compensate for, e.g. " + command.name() + ": [" + declared.get(0) + "].");
      }
      for (Reference rejection : compensation.rejections()) {
        if (!declared.contains(rejection.name())) {
          diagnostics.report(DiagnosticCode.COMPENSATION_NOT_POSSIBLE, rejection.position(),
              what + " compensates for '" + rejection.name() + "', which command '" + command.name()
                  + "' does not declare" + DidYouMean.suffix(rejection.name(), declared),
              declared.isEmpty() ? "The command declares no rejection; declare it under 'rejects' of the command."
                  : "Name one of its rejections: " + String.join(", ", declared) + ".");
        }
      }
    }
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
