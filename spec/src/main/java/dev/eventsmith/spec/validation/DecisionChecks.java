package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.QueryItemDef;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.TypeRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tags and the queries of decisions across streams: an event is tagged by scalar fields of its
 * own; a command's query names known events and tags taken from the command's fields, and each
 * item can match an event the model declares; a decision's events carry tags, or no later
 * decision could see them.
 */
final class DecisionChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;

  DecisionChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    model.events().forEach(this::eventTags);
    model.commands().stream().filter(CommandDef::decidesAcrossStreams).forEach(this::query);
    model.commands().stream().filter(c -> !c.decidesAcrossStreams()).forEach(this::aggregateEmitsUntagged);
  }

  /** An aggregate's command handler appends without tags: a tagged event it emitted would hide from decisions. */
  private void aggregateEmitsUntagged(CommandDef command) {
    for (Reference emitted : command.emits()) {
      model.event(emitted.name()).filter(e -> !e.tags().isEmpty()).ifPresent(e ->
          diagnostics.report(DiagnosticCode.TAGGED_AGGREGATE_EVENT, emitted.position(),
              "command '" + command.name() + "' is decided by aggregate '" + command.aggregate() + "', whose events "
                  + "are stored without tags, but it emits '" + e.name() + "', which decisions read by its tags",
              "Decide '" + command.name() + "' across streams too ('decides: [ { types: [...], tags: [...] } ]'), "
                  + "so that its events are stored with their tags; or remove 'tags' from '" + e.name() + "'."));
    }
  }

  private void eventTags(EventDef event) {
    Set<String> seen = new HashSet<>();
    for (Reference tag : event.tags()) {
      String what = "tag '" + tag.name() + "' of event '" + event.name() + "'";
      Optional<Field> field = Fields.named(event.fields(), tag.name());
      if (!seen.add(tag.name())) {
        diagnostics.report(DiagnosticCode.INVALID_EVENT_TAG, tag.position(), what + " is listed twice",
            "List each tag once.");
      } else if (field.isEmpty()) {
        diagnostics.report(DiagnosticCode.INVALID_EVENT_TAG, tag.position(),
            what + " is not a field of the event" + DidYouMean.suffix(tag.name(), names(event.fields())),
            "A tag is named after the field that holds its value: list a field of '" + event.name() + "'.");
      } else if (!scalar(field.get().type())) {
        diagnostics.report(DiagnosticCode.INVALID_EVENT_TAG, tag.position(),
            what + " is a " + field.get().type() + ", but a tag holds one value",
            "Tag the event with a required scalar field (a built-in type, a value type or an enum).");
      }
    }
  }

  private void query(CommandDef command) {
    String what = "command '" + command.name() + "'";
    for (QueryItemDef item : command.decides()) {
      if (item.tags().isEmpty()) {
        diagnostics.report(DiagnosticCode.INVALID_DECISION_QUERY, item.position(),
            "an item of 'decides' of " + what + " names no tag",
            "Name at least one tag, e.g. '{ types: [...], tags: [course] }': an item without tags would read every "
                + "event of its types.");
      }
      boolean tagsKnown = true;
      Set<String> seen = new HashSet<>();
      for (Reference tag : item.tags()) {
        Optional<Field> field = Fields.named(command.fields(), tag.name());
        if (!seen.add(tag.name())) {
          tagsKnown = false;
          diagnostics.report(DiagnosticCode.INVALID_DECISION_QUERY, tag.position(),
              "tag '" + tag.name() + "' is listed twice in an item of 'decides' of " + what, "List each tag once.");
        } else if (field.isEmpty() || !scalar(field.get().type())) {
          tagsKnown = false;
          diagnostics.report(DiagnosticCode.INVALID_DECISION_QUERY, tag.position(),
              "tag '" + tag.name() + "' of 'decides' of " + what + " is not a scalar field of the command"
                  + (field.isEmpty() ? DidYouMean.suffix(tag.name(), names(command.fields())) : ""),
              "The value of a query's tag is taken from the command's field of the same name: add a required scalar "
                  + "field '" + tag.name() + "' to " + what + ", or name one it has.");
        }
      }
      List<String> eventNames = model.events().stream().map(EventDef::name).toList();
      Set<String> types = new HashSet<>();
      for (Reference type : item.types()) {
        Optional<EventDef> event = model.event(type.name());
        if (!types.add(type.name())) {
          diagnostics.report(DiagnosticCode.INVALID_DECISION_QUERY, type.position(),
              "'" + type.name() + "' is listed twice in an item of 'decides' of " + what, "List each event once.");
        } else if (event.isEmpty()) {
          diagnostics.report(DiagnosticCode.INVALID_DECISION_QUERY, type.position(),
              "'decides' of " + what + " reads '" + type.name() + "', which is not an event"
                  + DidYouMean.suffix(type.name(), eventNames),
              "Name events declared under 'events:'.");
        } else if (tagsKnown) {
          itemMatches(command, item, event.get(), type);
        }
      }
      if (item.types().isEmpty() && tagsKnown && !item.tags().isEmpty()
          && model.events().stream().noneMatch(e -> carriesAll(e, item))) {
        diagnostics.report(DiagnosticCode.QUERY_NEVER_MATCHES, item.position(),
            "no event is tagged with all of " + tagNames(item) + ", so an item of 'decides' of " + what
                + " can never match",
            "Add the tags to the events the decision depends on ('tags: [...]'), or name fewer tags.");
      }
    }
    for (Reference emitted : command.emits()) {
      model.event(emitted.name()).filter(e -> e.tags().isEmpty()).ifPresent(e ->
          diagnostics.report(DiagnosticCode.UNTAGGED_DECISION_EVENT, emitted.position(),
              what + " is decided across streams but emits '" + e.name() + "', which has no tags, so no decision "
                  + "can ever read it",
              "Tag '" + e.name() + "' with the fields decisions read it by, e.g. 'tags: [" + String.join(", ",
                  command.decides().get(0).tags().stream().map(Reference::name).toList()) + "]'."));
    }
  }

  private void itemMatches(CommandDef command, QueryItemDef item, EventDef event, Reference at) {
    for (Reference tag : item.tags()) {
      if (event.tags().stream().noneMatch(t -> t.name().equals(tag.name()))) {
        diagnostics.report(DiagnosticCode.QUERY_NEVER_MATCHES, at.position(),
            "'decides' of command '" + command.name() + "' reads '" + event.name() + "' tagged '" + tag.name()
                + "', but '" + event.name() + "' is not tagged '" + tag.name() + "'",
            "Add '" + tag.name() + "' to 'tags' of event '" + event.name() + "', or read it in another item.");
        continue;
      }
      TypeRef commandType = Fields.named(command.fields(), tag.name()).orElseThrow().type();
      Fields.named(event.fields(), tag.name()).map(Field::type).filter(t -> !t.equals(commandType)).ifPresent(t ->
          diagnostics.report(DiagnosticCode.QUERY_NEVER_MATCHES, at.position(),
              "tag '" + tag.name() + "' is a " + commandType + " in command '" + command.name() + "' but a " + t
                  + " in event '" + event.name() + "', so their values never meet",
              "Give field '" + tag.name() + "' one type in the command and in the events it reads."));
    }
  }

  private static boolean carriesAll(EventDef event, QueryItemDef item) {
    return item.tags().stream().allMatch(tag -> event.tags().stream().anyMatch(t -> t.name().equals(tag.name())));
  }

  private static boolean scalar(TypeRef type) {
    return type instanceof TypeRef.Builtin || type instanceof TypeRef.Named;
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }

  private static String tagNames(QueryItemDef item) {
    return String.join(", ", item.tags().stream().map(Reference::name).toList());
  }
}
