package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.Upcast;
import dev.eventsmith.spec.model.ViewDef;
import dev.eventsmith.spec.typing.TypingProblem;
import dev.eventsmith.spec.typing.ValueTyper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stream ids on every command and event, view keys on every source event, and sound upcasts. */
final class StructureChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;

  StructureChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    model.aggregates().forEach(this::aggregateIds);
    model.views().forEach(this::viewKey);
    model.views().forEach(this::lookups);
    model.events().forEach(this::upcasts);
  }

  private void aggregateIds(AggregateDef aggregate) {
    Map<String, Field> firstId = new HashMap<>();
    for (CommandDef c : model.commandsOf(aggregate.name())) {
      idField(aggregate, "command '" + c.name() + "'", c.fields(), c.position(), firstId);
    }
    for (EventDef e : model.eventsOf(aggregate.name())) {
      idField(aggregate, "event '" + e.name() + "'", e.fields(), e.position(), firstId);
    }
  }

  private void idField(AggregateDef aggregate, String what, List<Field> fields, SourcePosition position,
      Map<String, Field> firstId) {
    Optional<Field> id = Fields.named(fields, aggregate.idField());
    if (id.isEmpty()) {
      diagnostics.report(DiagnosticCode.AGGREGATE_ID_MISSING, position,
          what + " of aggregate '" + aggregate.name() + "' has no field '" + aggregate.idField()
              + "', which names the aggregate's stream",
          "Add '" + aggregate.idField() + "' to the fields of " + what + ".");
      return;
    }
    Field first = firstId.putIfAbsent(aggregate.name(), id.get());
    if (first != null && !first.type().equals(id.get().type())) {
      diagnostics.report(DiagnosticCode.AGGREGATE_ID_TYPE_MISMATCH, id.get().position(),
          "the id field '" + aggregate.idField() + "' of " + what + " is a " + id.get().type()
              + ", but a " + first.type() + " at " + first.position(),
          "Give the id field of aggregate '" + aggregate.name() + "' the same type everywhere.");
    }
  }

  private void viewKey(ViewDef view) {
    String what = "view '" + view.name() + "'";
    if (view.singleRow()) {
      view.keyFrom().values().stream().findFirst().ifPresent(field -> diagnostics.report(DiagnosticCode.VIEW_KEY_SOURCE,
          field.position(), what + " has no key (it is a single-row view), so no event can name its rows",
          "Remove 'keyFrom', or declare 'key' with the field that names a row."));
      return;
    }
    Optional<Field> viewKey = Fields.named(view.fields(), view.key());
    if (viewKey.isEmpty()) {
      diagnostics.report(DiagnosticCode.VIEW_KEY_MISSING, view.position(),
          what + " has no field '" + view.key() + "', its key",
          "Add '" + view.key() + "' to the fields of the view, or change 'key'.");
    }
    view.keyFrom().forEach((event, field) -> {
      if (view.from().stream().noneMatch(r -> r.name().equals(event))) {
        diagnostics.report(DiagnosticCode.VIEW_KEY_SOURCE, field.position(),
            "'keyFrom' of " + what + " names event '" + event + "', which is not in its 'from'",
            "Add '" + event + "' to 'from', or remove it from 'keyFrom'.");
      }
    });
    for (Reference source : view.from()) {
      model.event(source.name()).ifPresent(event -> {
        Reference declared = view.keyFrom().get(event.name());
        if (declared != null) {
          keyFrom(view, event, declared, viewKey);
          return;
        }
        Optional<Field> eventKey = Fields.named(event.fields(), view.key());
        if (eventKey.isPresent() && viewKey.isPresent() && !eventKey.get().type().equals(viewKey.get().type())) {
          // The projector finds a row by the event's key value: of another type, it could never name a row.
          diagnostics.report(DiagnosticCode.VIEW_KEY_MISSING, source.position(),
              what + " is keyed by '" + view.key() + "' of type " + viewKey.get().type()
                  + ", but event '" + event.name() + "' has '" + view.key() + "' of type " + eventKey.get().type(),
              "Give '" + view.key() + "' the same type in the view and in every event it is built from.");
        }
        if (eventKey.isEmpty()) {
          diagnostics.report(DiagnosticCode.VIEW_KEY_MISSING, source.position(),
              what + " is keyed by '" + view.key() + "', but event '" + event.name() + "' has no such field",
              "Add '" + view.key() + "' to event '" + event.name() + "', name the event's key field under "
                  + "'keyFrom', or remove the event from 'from'; each event must say which row it updates.");
        }
      });
    }
  }

  /** Each lookup names a field of the view whose values have a text form: a scalar, or a list or optional of one. */
  private void lookups(ViewDef view) {
    Set<String> seen = new HashSet<>();
    for (Reference lookup : view.lookups()) {
      String what = "view '" + view.name() + "'";
      Optional<Field> field = Fields.named(view.fields(), lookup.name());
      if (field.isEmpty()) {
        diagnostics.report(DiagnosticCode.LOOKUP_NOT_POSSIBLE, lookup.position(),
            what + " is looked up by '" + lookup.name() + "', which is not one of its fields"
                + DidYouMean.suffix(lookup.name(), view.fields().stream().map(Field::name).toList()),
            "Name a field of the view under 'lookups'.");
        continue;
      }
      if (!seen.add(lookup.name())) {
        diagnostics.report(DiagnosticCode.LOOKUP_NOT_POSSIBLE, lookup.position(),
            what + " is looked up by '" + lookup.name() + "' twice", "Name each field once under 'lookups'.");
        continue;
      }
      TypeRef type = field.get().type();
      TypeRef element = type instanceof TypeRef.ListOf list ? list.element()
          : type instanceof TypeRef.OptionalOf optional ? optional.element() : type;
      if (!(element instanceof TypeRef.Builtin || element instanceof TypeRef.Named)) {
        diagnostics.report(DiagnosticCode.LOOKUP_NOT_POSSIBLE, lookup.position(),
            what + " cannot be looked up by '" + lookup.name() + "', a " + type
                + ": a lookup value is one scalar, taken from a scalar field or from each element of a list",
            "Look the view up by a field of a scalar type, a list<scalar> or an optional scalar.");
      }
    }
  }

  /** The field {@code declared} of {@code event} holds a key of the view, or a list of keys. */
  private void keyFrom(ViewDef view, EventDef event, Reference declared, Optional<Field> viewKey) {
    String what = "view '" + view.name() + "'";
    Optional<Field> field = Fields.named(event.fields(), declared.name());
    if (field.isEmpty()) {
      diagnostics.report(DiagnosticCode.VIEW_KEY_SOURCE, declared.position(),
          "'keyFrom' of " + what + " takes the key of event '" + event.name() + "' from '" + declared.name()
              + "', which the event does not have" + DidYouMean.suffix(declared.name(),
              event.fields().stream().map(Field::name).toList()),
          "Name a field of '" + event.name() + "' that holds the key, or a list of keys.");
      return;
    }
    if (viewKey.isEmpty()) {
      return;
    }
    TypeRef key = viewKey.get().type();
    TypeRef type = field.get().type();
    if (!type.equals(key) && !type.equals(new TypeRef.ListOf(key))) {
      diagnostics.report(DiagnosticCode.VIEW_KEY_SOURCE, declared.position(),
          what + " is keyed by a " + key + ", but '" + declared.name() + "' of event '" + event.name() + "' is a "
              + type,
          "Take the key from a field of type " + key + " (one row) or list<" + key + "> (one row per element).");
    }
  }

  private void upcasts(EventDef event) {
    String what = "event '" + event.name() + "'";
    Set<Integer> seen = new HashSet<>();
    for (Upcast upcast : event.upcasts()) {
      if (upcast.from() >= event.version()) {
        problem(upcast.position(), "an upcast of " + what + " starts from version " + upcast.from()
                + ", but the event's version is " + event.version(),
            "Upcasts go from older versions to newer ones: 'from' must be below 'version' (raise 'version' when the "
                + "event changes).");
      } else if (!seen.add(upcast.from())) {
        problem(upcast.position(), what + " has two upcasts from version " + upcast.from(),
            "Merge them into one; each upcast turns version 'from' into 'from + 1'.");
      }
      upcast.rename().forEach((old, now) -> {
        if (Fields.named(event.fields(), now).isEmpty()) {
          problem(upcast.position(), "an upcast of " + what + " renames '" + old + "' to '" + now
              + "', which is not a field of the event", "Rename to a field the current version of the event has.");
        }
      });
      for (String dropped : upcast.drop()) {
        if (Fields.named(event.fields(), dropped).isPresent()) {
          problem(upcast.position(), "an upcast of " + what + " drops '" + dropped + "', which the current version still has",
              "Drop only fields that the event no longer has.");
        }
      }
      upcast.set().forEach((name, value) -> {
        Optional<Field> field = Fields.named(event.fields(), name);
        if (field.isEmpty()) {
          problem(value.position(), "an upcast of " + what + " sets '" + name + "', which is not a field of the event",
              "Set only fields of the current version of the event.");
        } else {
          for (TypingProblem p : ValueTyper.type(value, field.get().type(), field.get().constraints(), model).problems()) {
            if (p.kind() == TypingProblem.Kind.UNKNOWN_TYPE) {
              continue; // already reported as ESM-0105
            }
            problem(p.position(), "an upcast of " + what + " sets '" + name + "': " + p.message(), p.hint());
          }
        }
      });
    }
  }

  private void problem(SourcePosition position, String message, String hint) {
    diagnostics.report(DiagnosticCode.INVALID_UPCAST, position, message, hint);
  }
}
